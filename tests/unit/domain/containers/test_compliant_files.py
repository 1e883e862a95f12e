"""Tests that the compliant container files satisfy every SP9 rule."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.containers.compliant_files import (
    compliant_compose,
    compliant_dockerfile,
    compliant_dockerignore,
    compliant_gitignore,
)
from strictpy.domain.project import ProjectContext
from strictpy.domain.project_registry import PROJECT_RULES
from strictpy.domain.ruleset_data import DOCKERIGNORE_ENTRIES, GITIGNORE_ENTRIES

SP9_RULES = tuple(rule for rule in PROJECT_RULES if rule.CODE.startswith("SP9"))


def test_compliant_files_yield_nothing() -> None:
    """Every SP9 rule is silent on the compliant files, which all parse."""
    context = ProjectContext(
        package="shop",
        texts=MappingProxyType(
            {
                "Dockerfile": compliant_dockerfile("shop"),
                "compose.yaml": compliant_compose(),
                ".gitignore": compliant_gitignore(),
                ".dockerignore": compliant_dockerignore(),
            }
        ),
    )
    assert context.containers.problems == ()
    assert [finding for rule in SP9_RULES for finding in rule().check(context)] == []


def test_ignore_files_list_every_entry_in_order() -> None:
    """The ignore files list the ruleset's entries in the ruleset's order."""
    assert compliant_gitignore().splitlines() == list(GITIGNORE_ENTRIES)
    lines = compliant_dockerignore().splitlines()
    assert [line for line in lines if not line.startswith("!")] == list(
        DOCKERIGNORE_ENTRIES
    )
    assert lines[lines.index("*.md") + 1] == "!README.md"


def test_dockerfile_runs_the_package() -> None:
    """The package name reaches the entrypoint."""
    assert '"-m", "shop"]' in compliant_dockerfile("shop")
