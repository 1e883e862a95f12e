"""Tests for SP805 missing-core-dependency."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import locations

CODE = "SP805"


def test_any_spelling_counts() -> None:
    """Pydantic_Settings[yaml]>=2 is pydantic-settings."""
    text = '[project]\ndependencies = ["Pydantic_Settings[yaml]>=2"]\n'
    assert locations(CODE, {"pyproject.toml": text}) == []


def test_dev_only_does_not_count() -> None:
    """A dev dependency is not a runtime dependency; reported at the key."""
    text = (
        '[project]\nname = "x"\ndependencies = [\n    "pydantic>=2",\n]\n\n'
        '[dependency-groups]\ndev = ["pydantic-settings"]\n'
    )
    assert locations(CODE, {"pyproject.toml": text}) == [("pyproject.toml", 3)]


def test_no_dependencies_key_points_at_project() -> None:
    """Without a dependencies key the [project] header is the anchor."""
    assert locations(CODE, {"pyproject.toml": '\n[project]\nname = "x"\n'}) == [
        ("pyproject.toml", 2)
    ]
