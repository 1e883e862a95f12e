"""Tests for SP713 missing-migrations."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP713"
PYPROJECT = '[project]\ndependencies = ["SQLAlchemy[asyncio]>=2"]\n'


def test_alembic_setup_is_silent() -> None:
    """alembic.ini plus migrations/ folder satisfies the rule."""
    files = {
        "pyproject.toml": PYPROJECT,
        "alembic.ini": "[alembic]\n",
        "migrations/env.py": "",
    }
    assert locations(CODE, files) == []


def test_missing_both() -> None:
    """Neither alembic.ini nor a folder: one finding naming both."""
    (finding,) = findings_of(CODE, {"pyproject.toml": PYPROJECT})
    assert (finding.path, finding.line) == ("alembic.ini", None)
    assert "alembic.ini" in finding.message
    assert "folder" in finding.message


def test_missing_folder_only() -> None:
    """alembic.ini without a migrations folder is still incomplete."""
    files = {"pyproject.toml": PYPROJECT, "alembic.ini": "[alembic]\n"}
    (finding,) = findings_of(CODE, files)
    assert "'alembic.ini'" not in finding.message


def test_no_sqlalchemy_dependency() -> None:
    """Without sqlalchemy the rule is silent, even if imported in tests."""
    files = {"pyproject.toml": '[project]\ndependencies = ["redis"]\n'}
    assert locations(CODE, files) == []
