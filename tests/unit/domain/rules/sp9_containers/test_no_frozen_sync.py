"""Tests for SP905 no-frozen-sync."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP905")


def test_one_frozen_sync_is_enough() -> None:
    """A partial sync next to a complete one is not reported."""
    text = (
        "FROM python:3.13-slim AS builder\n"
        "RUN uv sync --frozen --no-install-project\n"
        "RUN uv sync --no-dev --frozen\n"
        "FROM gcr.io/distroless/python3-debian12\n"
    )
    assert run_project_rule("SP905", {"Dockerfile": text}) == []


def test_message_names_the_command() -> None:
    """The message quotes the command the ruleset requires."""
    text = "FROM python:3.13-slim AS builder\nFROM gcr.io/distroless/python3-debian12\n"
    [finding] = run_project_rule("SP905", {"Dockerfile": text})
    assert "'uv sync --frozen --no-dev'" in finding.message
    assert finding.line == 1
