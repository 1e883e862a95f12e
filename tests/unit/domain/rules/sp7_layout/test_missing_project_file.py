"""Tests for SP705 missing-project-file."""

from __future__ import annotations

from strictpy.domain.ruleset_data import REQUIRED_PROJECT_FILES
from tests.unit.domain.rules.project_cases import locations

CODE = "SP705"
REQUIRED = dict.fromkeys(REQUIRED_PROJECT_FILES, "")


def _with_dependencies(*deps: str) -> dict[str, str]:
    """Return the required files with a pyproject declaring dependencies.

    Args:
        *deps: Requirement strings.

    Returns:
        The files.
    """
    listed = ", ".join(f'"{dep}"' for dep in deps)
    return {**REQUIRED, "pyproject.toml": f"[project]\ndependencies = [{listed}]\n"}


def test_all_files_present() -> None:
    """The ruleset's files, no service dependency: silent."""
    assert locations(CODE, _with_dependencies("fastapi>=0.1")) == []


def test_each_missing_file() -> None:
    """Only a pyproject: every other file is reported, in path order."""
    found = locations(CODE, {"pyproject.toml": "[project]\n"})
    expected = sorted(
        (p, None) for p in REQUIRED_PROJECT_FILES if p != "pyproject.toml"
    )
    assert found == expected


def test_service_dependency_needs_compose() -> None:
    """psycopg[binary] (normalised name) means a database: compose required."""
    assert locations(CODE, _with_dependencies("Psycopg[binary]>=3")) == [
        ("docker-compose.yml", None)
    ]


def test_any_compose_spelling_counts() -> None:
    """compose.yaml satisfies the compose requirement."""
    files = {**_with_dependencies("redis>=5"), "compose.yaml": "services: {}\n"}
    assert locations(CODE, files) == []


def test_dev_only_service_dependency_does_not_need_compose() -> None:
    """A database driver in the dev group only is not a runtime service."""
    files = {**REQUIRED, "pyproject.toml": '[dependency-groups]\ndev = ["redis"]\n'}
    assert locations(CODE, files) == []
