"""Tests for SP906 no-lint-gate."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)

HEAD = "FROM python:3.13-slim AS builder\n"
TAIL = "FROM gcr.io/distroless/python3-debian12\n"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP906")


def test_message_names_only_the_missing_command() -> None:
    """With a gating check and no format, only 'ruff format' is missing."""
    text = HEAD + "RUN uv run ruff check --fix .\n" + TAIL
    [finding] = run_project_rule("SP906", {"Dockerfile": text})
    assert "'ruff format'" in finding.message
    assert "'ruff check'" not in finding.message
    assert finding.line == 1


def test_ruff_in_runtime_stage_does_not_count() -> None:
    """The gate belongs to the builder, not to the final stage."""
    text = HEAD + TAIL + "RUN uvx ruff check . && uvx ruff format .\n"
    [finding] = run_project_rule("SP906", {"Dockerfile": text})
    assert finding.line == 1
