"""Tests for SP903 wrong-runtime-image."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.image_refs import parse_image
from strictpy.domain.rules.sp9_containers.wrong_runtime_image import accepted_runtime
from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP903")


@pytest.mark.parametrize(
    ("image", "accepted"),
    [
        ("gcr.io/distroless/python3-debian12", True),
        ("gcr.io/distroless/python3-debian12:nonroot", True),
        ("gcr.io/distroless/python3-debian12:latest-amd64", True),
        ("gcr.io/distroless/python3-debian12@sha256:abc", True),
        ("gcr.io/distroless/python3-debian12:debug", False),
        ("gcr.io/distroless/python3-debian12:debug-nonroot", False),
        ("gcr.io/distroless/python3", False),
        ("python:3.13-slim", False),
    ],
)
def test_accepted_runtime(image: str, *, accepted: bool) -> None:
    """Any tag but the debug variants, or a digest, is accepted.

    Args:
        image: The runtime image reference.
        accepted: Whether it is the ruleset's runtime image.
    """
    assert accepted_runtime(parse_image(image)) is accepted


def test_single_stage_is_judged_as_runtime_too() -> None:
    """A single python stage is also the final stage: it is not distroless."""
    [finding] = run_project_rule("SP903", {"Dockerfile": "FROM python:3.13-slim\n"})
    assert finding.line == 1
