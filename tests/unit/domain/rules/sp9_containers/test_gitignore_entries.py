"""Tests for SP920 gitignore-entries."""

from __future__ import annotations

from strictpy.domain.ruleset_data import GITIGNORE_ENTRIES
from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the entries its fixtures mark as missing."""
    assert_container_fixture("SP920")


def test_findings_carry_path_and_no_line() -> None:
    """Each missing entry is one finding on .gitignore without a line."""
    text = "\n".join(GITIGNORE_ENTRIES[:-1]) + "\n"
    [finding] = run_project_rule("SP920", {".gitignore": text})
    assert (finding.path, finding.line) == (".gitignore", None)
    assert "'uv.lock'" in finding.message
    assert finding.fixable


def test_missing_file_is_left_to_sp705() -> None:
    """Without a .gitignore the rule yields nothing."""
    assert run_project_rule("SP920", {}) == []
