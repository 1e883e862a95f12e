"""Tests for the shared base of the table-drift rules (SP801, SP802)."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp8_pyproject.pytest_config_drift import PytestConfigDrift
from strictpy.domain.rules.sp8_pyproject.ruff_config_drift import RuffConfigDrift
from strictpy.domain.rules.sp8_pyproject.table_drift_rule import TableDriftRule
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML
from tests.unit.domain.rules.project_cases import findings_of

PATH = "pyproject.toml"


@pytest.mark.parametrize("rule", [RuffConfigDrift, PytestConfigDrift])
def test_both_rules_share_the_base(rule: type[TableDriftRule]) -> None:
    """Each drift rule names its table and inherits the comparison.

    Args:
        rule: A drift rule.
    """
    assert issubclass(rule, TableDriftRule)
    assert rule.TABLE[0] == "tool"
    assert rule.check is TableDriftRule.check


@pytest.mark.parametrize(
    "files",
    [{}, {PATH: "[project\n"}],
    ids=["no pyproject", "unparsable pyproject"],
)
def test_nothing_to_compare_is_no_finding(files: dict[str, str]) -> None:
    """Without a readable ``pyproject.toml`` there is no table to compare.

    Args:
        files: The project's files.
    """
    assert findings_of("SP802", files) == []


def test_missing_table_is_one_finding_and_drift_one_per_key() -> None:
    """A missing table is one finding; each drifting key is one more."""
    (missing,) = findings_of("SP802", {PATH: "[project]\nname = 'x'\n"})
    assert "table is missing" in missing.message
    text = PYTEST_CONFIG_TOML.replace('python_files = ["test_*.py"]\n', "").replace(
        'python_classes = ["Test*"]', 'python_classes = ["Check*"]'
    )
    keys = sorted(f.message.split()[1] for f in findings_of("SP802", {PATH: text}))
    assert keys == ["python_classes", "python_files"]
