"""Tests for SP930 compose-app-not-built."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP930")


def test_every_compose_file_is_checked() -> None:
    """Each present compose file gets its own finding, on its own path."""
    bad = "services:\n  app:\n    image: app:1\n"
    findings = run_project_rule(
        "SP930",
        {"compose.yaml": bad, "docker-compose.yml": "services:\n  a:\n    build: .\n"},
    )
    assert [(f.path, f.line) for f in findings] == [("compose.yaml", 1)]
