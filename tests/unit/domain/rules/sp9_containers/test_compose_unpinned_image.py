"""Tests for SP931 compose-unpinned-image."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.compose_model import UNKNOWN
from strictpy.domain.rules.sp9_containers.compose_unpinned_image import unpinned
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP931")


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("postgres", True),
        ("postgres:latest", True),
        ("localhost:5000/app", True),
        ("postgres:16", False),
        ("postgres@sha256:abc", False),
        (f"postgres:{UNKNOWN}", False),
        (UNKNOWN, False),
    ],
)
def test_unpinned(image: str, *, expected: bool) -> None:
    """Only a missing or 'latest' tag without a digest is unpinned.

    Args:
        image: The interpolated image reference.
        expected: Whether it lacks a pinned version.
    """
    assert unpinned(image) is expected
