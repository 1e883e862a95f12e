"""Tests for SP934 compose-no-volume."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP934")


def test_message_names_the_kind() -> None:
    """The message says which kind of data service it is."""
    text = "services:\n  store:\n    image: bitnami/mongodb:7.0\n"
    [finding] = run_project_rule("SP934", {"compose.yaml": text})
    assert "(mongodb)" in finding.message
    assert [finding.line] == [2]
