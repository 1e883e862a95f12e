"""Tests for SP804 project-metadata."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP804"


def test_dynamic_version_counts() -> None:
    """version may be dynamic."""
    text = (
        '# comment\n[project]\nname = "x"\ndynamic = ["version"]\ndescription = "d"\n'
        'requires-python = ">=3.13"\ndependencies = []\n'
    )
    assert locations(CODE, {"pyproject.toml": text}) == []


def test_missing_keys_at_header() -> None:
    """Each missing key once, at the [project] header line."""
    text = (
        '[build-system]\nrequires = []\n\n[project]\nname = "x"\ndynamic = ["readme"]\n'
    )
    found = findings_of(CODE, {"pyproject.toml": text})
    assert sorted((f.line, f.message) for f in found) == [
        (4, "[project] lacks 'dependencies'"),
        (4, "[project] lacks 'description'"),
        (4, "[project] lacks 'requires-python'"),
        (4, "[project] lacks 'version'"),
    ]


def test_missing_table() -> None:
    """No [project] table: every key, without a line."""
    assert (
        locations(CODE, {"pyproject.toml": "[tool.x]\n"})
        == [("pyproject.toml", None)] * 5
    )
