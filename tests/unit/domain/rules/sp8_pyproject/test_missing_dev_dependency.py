"""Tests for SP806 missing-dev-dependency."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP806"


def test_include_group_and_legacy_table() -> None:
    """include-group entries and [tool.uv].dev-dependencies count."""
    text = (
        "[dependency-groups]\n"
        'test = ["pytest>=8", "pytest-cov", "pytest_mock", "Factory-Boy"]\n'
        'dev = [{include-group = "test"}]\n\n'
        '[tool.uv]\ndev-dependencies = ["ruff"]\n'
    )
    assert locations(CODE, {"pyproject.toml": text}) == []


def test_each_missing_tool() -> None:
    """Each missing tool is one finding at the dev key."""
    text = '[project]\nname = "x"\n\n[dependency-groups]\ndev = ["pytest"]\n'
    found = findings_of(CODE, {"pyproject.toml": text})
    assert [f.line for f in found] == [5, 5, 5, 5]
    assert sorted(f.message.split("'")[1] for f in found) == [
        "factory-boy",
        "pytest-cov",
        "pytest-mock",
        "ruff",
    ]


def test_runtime_dependencies_do_not_count() -> None:
    """Tools in [project].dependencies are not dev dependencies."""
    text = '[project]\ndependencies = ["pytest", "pytest-cov", "pytest-mock", "factory-boy", "ruff"]\n'
    assert locations(CODE, {"pyproject.toml": text}) == [("pyproject.toml", None)] * 5
