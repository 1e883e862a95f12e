"""Tests for SP912 entrypoint-not-module."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)

HEAD = "FROM python:3.13-slim AS builder\nFROM gcr.io/distroless/python3-debian12\n"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP912")


def test_unknown_package_accepts_any_module() -> None:
    """Without a known package, any 'python -m' module is accepted."""
    text = HEAD + 'CMD ["python3", "-m", "service"]\n'
    assert run_project_rule("SP912", {"Dockerfile": text}, package=None) == []


def test_shell_entrypoint_ignores_cmd() -> None:
    """A shell-form ENTRYPOINT does not take CMD as arguments."""
    text = HEAD + 'ENTRYPOINT python -m\nCMD ["app"]\n'
    [finding] = run_project_rule("SP912", {"Dockerfile": text})
    assert [finding.line] == [3]
    assert '["python", "-m"]' in finding.message
