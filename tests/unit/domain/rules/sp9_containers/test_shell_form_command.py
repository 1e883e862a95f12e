"""Tests for SP909 shell-form-command."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP909")


def test_reasons_differ() -> None:
    """Shell form and RUN in distroless give different reasons."""
    text = (
        "FROM python:3.13-slim AS builder\n"
        "FROM gcr.io/distroless/python3-debian12 AS runtime\n"
        "RUN mkdir /data\n"
        "CMD run\n"
    )
    findings = run_project_rule("SP909", {"Dockerfile": text})
    assert [f.line for f in findings] == [3, 4]
    assert "stage 'runtime' is distroless" in findings[0].message
    assert "shell form" in findings[1].message


def test_heredoc_run_in_distroless() -> None:
    """A heredoc RUN needs a shell too."""
    text = (
        "FROM python:3.13-slim AS builder\n"
        "FROM gcr.io/distroless/python3-debian12\n"
        "RUN <<EOF\nmkdir /data\nEOF\n"
    )
    [finding] = run_project_rule("SP909", {"Dockerfile": text})
    assert [finding.line] == [3]
