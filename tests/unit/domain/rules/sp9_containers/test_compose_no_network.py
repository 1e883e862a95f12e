"""Tests for SP935 compose-no-network."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP935")


def test_file_without_network_gets_one_finding() -> None:
    """No declared network: one finding for the file, not one per service."""
    text = "services:\n  a:\n    build: .\n  b:\n    image: redis:7\n"
    findings = run_project_rule("SP935", {"compose.yaml": text})
    assert [f.line for f in findings] == [1]


def test_no_services_is_silent() -> None:
    """A compose file without services has nothing to isolate."""
    assert run_project_rule("SP935", {"compose.yaml": "name: shop\n"}) == []
