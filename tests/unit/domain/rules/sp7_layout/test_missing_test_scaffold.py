"""Tests for SP704 missing-test-scaffold."""

from __future__ import annotations

from strictpy.domain.ruleset_data import TEST_SCAFFOLD
from tests.unit.domain.rules.project_cases import locations

CODE = "SP704"


def test_full_scaffold_is_silent() -> None:
    """All four files present: no finding."""
    assert locations(CODE, dict.fromkeys(TEST_SCAFFOLD, "")) == []


def test_missing_files_are_reported_each() -> None:
    """An empty project misses all four files."""
    found = locations(CODE, {"src/shop/__init__.py": ""})
    assert found == sorted((path, None) for path in TEST_SCAFFOLD)


def test_test_dir_named_test_does_not_count() -> None:
    """test/ (singular) is not tests/."""
    files = {path.replace("tests/", "test/"): "" for path in TEST_SCAFFOLD}
    assert len(locations(CODE, files)) == len(TEST_SCAFFOLD)
