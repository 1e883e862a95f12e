"""Tests for SP802 pytest-config-drift."""

from __future__ import annotations

from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP802"
PATH = "pyproject.toml"


def test_canonical_block_is_clean() -> None:
    """The ruleset's block, addopts reordered, is clean."""
    text = PYTEST_CONFIG_TOML.replace(
        '    "--strict-markers",\n    "--strict-config",\n',
        '    "--strict-config",\n    "--strict-markers",\n',
    )
    assert locations(CODE, {PATH: text}) == []


def test_changed_addopts_and_extra_key() -> None:
    """A changed coverage floor and an extra key are reported."""
    text = PYTEST_CONFIG_TOML.replace(
        "--cov-fail-under=80", "--cov-fail-under=60"
    ).replace('pythonpath = ["src"]\n', 'pythonpath = ["src"]\ntestpaths = ["tests"]\n')
    found = [(f.line, f.message) for f in findings_of(CODE, {PATH: text})]
    assert found == [
        (
            3,
            "[tool.pytest.ini_options] testpaths is not in the ruleset's configuration",
        ),
        (
            7,
            '[tool.pytest.ini_options] addopts lacks "--cov-fail-under=80" '
            'and has extra "--cov-fail-under=60"',
        ),
    ]


def test_missing_markers_and_table() -> None:
    """A missing key points at the table header; a missing table at [tool]."""
    text = PYTEST_CONFIG_TOML.split("markers = [")[0]
    assert locations(CODE, {PATH: text}) == [(PATH, 1)]
    assert locations(CODE, {PATH: "[tool.ruff]\nx = 1\n"}) == [(PATH, 1)]
    assert locations(CODE, {PATH: "[project]\n"}) == [(PATH, None)]
