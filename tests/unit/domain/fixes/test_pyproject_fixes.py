"""Tests for SP801-SP803's fixes: tomlkit edits that keep everything else."""

from __future__ import annotations

import tomllib

import pytest

from strictpy.domain.fixes.pyproject_fixes import fix_pyproject, python_requirement
from strictpy.domain.rules.sp8_pyproject.pytest_config_drift import PytestConfigDrift
from strictpy.domain.rules.sp8_pyproject.python_version import PythonVersion
from strictpy.domain.rules.sp8_pyproject.ruff_config_drift import RuffConfigDrift
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML, RUFF_CONFIG_TOML
from strictpy.services.project_pass import context_from_files

ALL = frozenset({"SP801", "SP802", "SP803"})
DRIFTED = """# The project.
[project]
name = "shop"
requires-python = ">=3.11,<4"  # keep this comment

[tool.ruff]
line-length = 120  # a comment on a wrong value
extend-exclude = ["generated"]
target-version = "py313"
legacy = true

[tool.ruff.lint]
select = ["E", "F"]

[tool.strictpy]
package = "shop"
"""


def _remaining(text: str) -> list[str]:
    """Run SP801-SP803 on a pyproject text.

    Args:
        text: The ``pyproject.toml`` text.

    Returns:
        The messages still reported.
    """
    context = context_from_files({"pyproject.toml": text})
    rules = (RuffConfigDrift(), PytestConfigDrift(), PythonVersion())
    return [finding.message for rule in rules for finding in rule.check(context)]


def test_drift_is_repaired_and_nothing_else_changes() -> None:
    """Values, keys and tables become the ruleset's; comments and others stay."""
    fixed = fix_pyproject(DRIFTED, ALL)
    assert fixed is not None
    assert _remaining(fixed) == []
    assert fixed.startswith("# The project.\n[project]\n")
    assert 'requires-python = ">=3.13,<4"  # keep this comment\n' in fixed
    assert "line-length = 88  # a comment on a wrong value\n" in fixed
    assert 'extend-exclude = ["generated"]' in fixed
    assert "legacy" not in fixed
    assert tomllib.loads(fixed)["tool"]["strictpy"] == {"package": "shop"}
    assert '"PERF", # perflint (performance)' in fixed
    assert fixed.endswith(PYTEST_CONFIG_TOML)
    assert fix_pyproject(fixed, ALL) is None


def test_only_requested_codes_are_fixed() -> None:
    """SP803 alone leaves the tool tables as they are."""
    fixed = fix_pyproject(DRIFTED, {"SP803"})
    assert fixed == DRIFTED.replace(">=3.11,<4", ">=3.13,<4")


def test_equal_lists_in_another_order_are_untouched() -> None:
    """Lists compare as sets, as the rule does: no rewrite of an equal list."""
    reordered = RUFF_CONFIG_TOML.replace(
        '    "F",    # Pyflakes\n    "E",    # pycodestyle errors\n',
        '    "E",    # pycodestyle errors\n    "F",    # Pyflakes\n',
    )
    assert reordered != RUFF_CONFIG_TOML
    assert fix_pyproject(reordered, {"SP801"}) is None


def test_missing_tables_are_appended() -> None:
    """Without the tables, the ruleset's blocks are appended verbatim."""
    text = '[project]\nname = "shop"\n'
    fixed = fix_pyproject(text, {"SP801", "SP802"})
    assert fixed == f"{text}\n{RUFF_CONFIG_TOML}\n{PYTEST_CONFIG_TOML}"


def test_line_endings_and_broken_documents() -> None:
    """CRLF stays CRLF; invalid TOML is left alone."""
    crlf = '[project]\r\nname = "shop"\r\nrequires-python = ">=3.12"\r\n'
    assert fix_pyproject(crlf, {"SP803"}) == crlf.replace("3.12", "3.13")
    assert fix_pyproject("[project\n", ALL) is None


@pytest.mark.parametrize(
    ("specifier", "expected"),
    [
        (">=3.11", ">=3.13"),
        (">=3.10,<4", ">=3.13,<4"),
        ("~=3.12, !=3.12.1", ">=3.13,!=3.12.1"),
        ("<3.14", ">=3.13,<3.14"),
    ],
)
def test_python_requirement(specifier: str, expected: str) -> None:
    """Lower-bound clauses are replaced; upper bounds and exclusions stay.

    Args:
        specifier: The current ``requires-python``.
        expected: The fixed one.
    """
    assert python_requirement(specifier) == expected
