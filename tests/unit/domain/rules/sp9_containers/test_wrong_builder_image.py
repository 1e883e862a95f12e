"""Tests for SP902 wrong-builder-image."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp9_containers.wrong_builder_image import accepted_builder
from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)

RUNTIME = "FROM gcr.io/distroless/python3-debian12\n"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP902")


@pytest.mark.parametrize(
    ("image", "accepted"),
    [
        ("python:3.13-slim", True),
        ("python:3.13.7-slim", True),
        ("python:3.13-slim-bookworm", True),
        ("library/python:3.13-slim@sha256:abc", True),
        ("python:3.13", False),
        ("python:3.13-slim-trixie", False),
        ("python:3.130-slim", False),
        ("python@sha256:abc", False),
        ("mypython:3.13-slim", False),
    ],
)
def test_accepted_builder(image: str, *, accepted: bool) -> None:
    """Patch tags, the bookworm suffix and digests are accepted; nothing else.

    Args:
        image: The builder image reference.
        accepted: Whether it is the ruleset's builder image.
    """
    assert accepted_builder(image) is accepted


def test_message_names_the_resolved_image() -> None:
    """The message shows the image after build-argument expansion."""
    text = "ARG V=3.12\nFROM python:${V}-slim AS builder\n" + RUNTIME
    [finding] = run_project_rule("SP902", {"Dockerfile": text})
    assert [finding.line] == [2]
    assert "'python:3.12-slim'" in finding.message
