"""Tests for SP904 uv-not-from-official-image."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP904")


def test_single_stage_builder_is_checked() -> None:
    """A single stage is its own builder: copying uv there is enough."""
    text = "FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\n"
    assert run_project_rule("SP904", {"Dockerfile": text}) == []


def test_later_builder_stage_counts() -> None:
    """Any stage before the final one is a builder."""
    text = (
        "FROM python:3.13-slim AS base\n"
        "FROM base AS deps\n"
        "COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\n"
        "FROM gcr.io/distroless/python3-debian12\n"
    )
    assert run_project_rule("SP904", {"Dockerfile": text}) == []
