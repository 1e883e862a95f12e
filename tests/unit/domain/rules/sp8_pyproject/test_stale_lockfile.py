"""Tests for SP807 stale-lockfile."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP807"
PYPROJECT = """[project]
name = "Shop"
version = "0.1.0"
dependencies = ["pydantic-settings >= 2.6", "psycopg[binary,pool]>=3.1,<4; python_version >= '3.13'"]

[project.optional-dependencies]
redis = ["redis>=5"]

[dependency-groups]
dev = ["pytest>=8"]
"""
LOCK = """version = 1
requires-python = ">=3.13"

[[package]]
name = "other"
version = "1.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "shop"
version = "0.1.0"
source = { editable = "." }

[package.metadata]
requires-dist = [
    { name = "psycopg", extras = ["binary", "pool"], specifier = ">=3.1,<4", marker = "python_full_version >= '3.13'" },
    { name = "pydantic-settings", specifier = ">=2.6" },
    { name = "redis", marker = "extra == 'redis'", specifier = ">=5" },
]
provides-extras = ["redis"]

[package.metadata.requires-dev]
dev = [{ name = "pytest", specifier = ">=8" }]
"""


def test_fresh_lock_is_silent() -> None:
    """Normalised names, extras, specifiers and markers agree."""
    assert locations(CODE, {"pyproject.toml": PYPROJECT, "uv.lock": LOCK}) == []


def test_changed_specifier_and_new_group_member() -> None:
    """A bumped specifier and an added dev dependency are named."""
    text = PYPROJECT.replace(">= 2.6", ">=2.7").replace(
        '["pytest>=8"]', '["pytest>=8", "ruff"]'
    )
    (finding,) = findings_of(CODE, {"pyproject.toml": text, "uv.lock": LOCK})
    assert (finding.path, finding.line) == ("uv.lock", None)
    assert "dependencies not locked: pydantic-settings>=2.7" in finding.message
    assert "locked but not declared: pydantic-settings>=2.6" in finding.message
    assert "group 'dev' not locked: ruff" in finding.message


def test_optional_dependency_moved_to_other_extra() -> None:
    """An optional dependency under another extra is a different requirement."""
    text = PYPROJECT.replace('redis = ["redis>=5"]', 'cache = ["redis>=5"]')
    (finding,) = findings_of(CODE, {"pyproject.toml": text, "uv.lock": LOCK})
    assert "extra == 'cache'" in finding.message


def test_malformed_lock_is_a_finding_with_line() -> None:
    """Invalid TOML in uv.lock: one finding at the error's line."""
    files = {
        "pyproject.toml": PYPROJECT,
        "uv.lock": 'version = 1\n\n[[package]\nname = "x"\n',
    }
    (finding,) = findings_of(CODE, files)
    assert (finding.path, finding.line) == ("uv.lock", 3)
    assert "invalid TOML" in finding.message


def test_lock_without_project_entry() -> None:
    """A lock for another project has no root entry."""
    lock = LOCK.replace('name = "shop"', 'name = "store"').replace(
        'editable = "."', 'editable = "x"'
    )
    (finding,) = findings_of(CODE, {"pyproject.toml": PYPROJECT, "uv.lock": lock})
    assert "no package entry for 'Shop'" in finding.message


def test_lock_without_packages() -> None:
    """A TOML file without [[package]] is not a lock file."""
    (finding,) = findings_of(
        CODE, {"pyproject.toml": PYPROJECT, "uv.lock": "version = 1\n"}
    )
    assert "no [[package]] entries" in finding.message


def test_silent_without_lock() -> None:
    """SP705 reports a missing uv.lock."""
    assert locations(CODE, {"pyproject.toml": PYPROJECT}) == []
