"""Tests for SP810 foreign-dependency-manager."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import locations

CODE = "SP810"


def test_each_foreign_file() -> None:
    """Requirements files, Pipfile, poetry.lock and setup files are reported."""
    files = dict.fromkeys(
        [
            "requirements.txt",
            "requirements-dev.txt",
            "requirements/prod.txt",
            "Pipfile",
            "Pipfile.lock",
            "poetry.lock",
            "setup.py",
            "setup.cfg",
            "pyproject.toml",
        ],
        "",
    )
    assert locations(CODE, files) == sorted(
        (path, None) for path in files if path != "pyproject.toml"
    )


def test_near_misses() -> None:
    """Nested or differently named files are not manifests of the project."""
    files = dict.fromkeys(
        [
            "docs/requirements.txt",
            "tools/setup.py",
            "src/shop/setup.py",
            "requirements.md",
        ],
        "",
    )
    assert locations(CODE, files) == []
