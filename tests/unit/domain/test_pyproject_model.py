"""Tests for the parsed pyproject.toml model."""

from __future__ import annotations

from strictpy.domain.pyproject_model import parse_pyproject

TEXT = """[project]
name = "Shop"
dependencies = ["Pydantic_Settings>=2", "fastapi"]

[project.optional-dependencies]
cache = ["redis"]

[dependency-groups]
lint = ["ruff"]
dev = ["pytest", {include-group = "lint"}, {include-group = "dev"}]

[tool.uv]
dev-dependencies = ["factory-boy"]
"""


def test_values_and_dependencies() -> None:
    """Project values, normalised names, groups with includes and uv's table."""
    pyproject = parse_pyproject(TEXT)
    assert pyproject.error is None
    assert pyproject.document is not None
    assert pyproject.name == "Shop"
    assert pyproject.dependency_names == frozenset({"pydantic-settings", "fastapi"})
    assert pyproject.optional_dependencies == {"cache": ("redis",)}
    assert pyproject.dependency_groups == {
        "lint": ("ruff",),
        "dev": ("pytest", "ruff", "factory-boy"),
    }
    assert pyproject.get("tool", "uv", "missing") is None
    assert pyproject.get("project", "name", "deeper") is None
    assert pyproject.table("project", "name") is None


def test_dependency_lines() -> None:
    """A requirement's line comes from the line index."""
    pyproject = parse_pyproject(TEXT)
    found = (
        pyproject.dependency_line(("project", "dependencies"), "fastapi"),
        pyproject.dependency_line(("dependency-groups", "x"), "y"),
    )
    assert found == (3, 8)


def test_invalid_toml_is_recorded() -> None:
    """Invalid TOML sets error and line; values are empty."""
    pyproject = parse_pyproject('[project]\nname = "x"\nname = "y"\n')
    assert pyproject.error is not None
    assert pyproject.document is None
    assert pyproject.project == {}
    assert pyproject.dependencies == ()
    broken = parse_pyproject("[project\n")
    assert broken.error_line == 1


def test_odd_shapes_are_tolerated() -> None:
    """Non-table project, non-list dependencies and bad includes do not crash."""
    assert parse_pyproject('project = "x"\n').dependencies == ()
    pyproject = parse_pyproject(
        '[project]\ndependencies = "x"\n[dependency-groups]\ndev = [1, {include-group = 2}]\n'
    )
    assert pyproject.dependencies == ()
    assert pyproject.dependency_groups == {"dev": ()}
