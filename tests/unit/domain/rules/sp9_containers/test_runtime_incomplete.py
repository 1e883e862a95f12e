"""Tests for SP911 runtime-incomplete."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    CONTAINER_FIXTURES,
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP911")


def test_every_missing_part_is_a_finding() -> None:
    """Missing venv, source and PATH give three findings."""
    text = (CONTAINER_FIXTURES / "SP911_no_path.Dockerfile").read_text(encoding="utf-8")
    findings = run_project_rule("SP911", {"Dockerfile": text})
    assert [f.line for f in findings] == [4, 4, 4]
    assert len({f.message for f in findings}) == len(findings)


def test_path_inherited_from_parent_stage() -> None:
    """Copies and PATH of the stage the final one is built from count."""
    text = (
        "FROM python:3.13-slim AS builder\n"
        "FROM gcr.io/distroless/python3-debian12 AS base\n"
        "COPY --from=builder /app/.venv /app/.venv\n"
        "COPY --from=builder /app/src /app/src\n"
        "ENV PATH=/app/.venv/bin\n"
        "FROM base\n"
    )
    assert run_project_rule("SP911", {"Dockerfile": text}) == []
