"""Tests for SP811 foreign-linter-config."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP811"


def test_tables_and_files() -> None:
    """[tool.black], dotted [tool.isort] keys and .pylintrc are reported."""
    text = '[tool.ruff]\nx = 1\n\n[tool.black]\nline-length = 88\n\n[tool]\nisort.profile = "black"\n'
    files = {"pyproject.toml": text, ".pylintrc": "[MASTER]\n"}
    found = findings_of(CODE, files)
    assert [(f.path, f.line) for f in found] == [
        (".pylintrc", None),
        ("pyproject.toml", 4),
        ("pyproject.toml", 8),
    ]
    assert "'pylint'" in found[0].message


def test_type_checkers_are_fine() -> None:
    """mypy and pyright configure type checking, not linting."""
    text = "[tool.mypy]\nstrict = true\n\n[tool.pyright]\nmode = 'strict'\n"
    assert locations(CODE, {"pyproject.toml": text, "mypy.ini": ""}) == []
