"""Tests for SP921 dockerignore-entries."""

from __future__ import annotations

from strictpy.domain.containers.compliant_files import compliant_dockerignore
from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the entries its fixtures mark as missing."""
    assert_container_fixture("SP921")


def test_readme_exception_keeps_markdown_entry() -> None:
    """'*.md' followed by '!README.md' still lists '*.md'."""
    text = compliant_dockerignore()
    assert "!README.md" in text
    assert run_project_rule("SP921", {".dockerignore": text}) == []


def test_gitignore_semantics_do_not_apply() -> None:
    """A trailing slash means nothing to Docker: 'tests' covers 'tests/'."""
    text = compliant_dockerignore().replace("tests/", "tests")
    assert run_project_rule("SP921", {".dockerignore": text}) == []
