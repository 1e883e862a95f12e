"""Tests for SP907 tests-in-build."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP907")


def test_one_finding_per_run() -> None:
    """Two pytest invocations in one RUN give one finding."""
    text = "FROM python:3.13-slim\nRUN pytest -x && python -m pytest\n"
    findings = run_project_rule("SP907", {"Dockerfile": text})
    assert [(f.line, f.code) for f in findings] == [(2, "SP907")]
    assert "'pytest'" in findings[0].message
