"""Tests for SP901 single-stage-dockerfile."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP901")


def test_single_stage_points_at_from() -> None:
    """The finding names the Dockerfile and the only FROM line."""
    findings = run_project_rule(
        "SP901", {"Dockerfile": "# c\n\nFROM python:3.13-slim\n"}
    )
    assert [(f.path, f.line) for f in findings] == [("Dockerfile", 3)]


def test_absent_or_broken_dockerfile_is_silent() -> None:
    """Without a parsable Dockerfile the rule yields nothing (SP705/SP000 report)."""
    assert run_project_rule("SP901", {}) == []
    assert run_project_rule("SP901", {"Dockerfile": "FROM\n"}) == []
