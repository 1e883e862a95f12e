"""Tests for SP000 on container inputs (BuildKit, YAML and binary problems)."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.project import ProjectContext
from strictpy.domain.project_registry import PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)

SP9_RULES = tuple(rule for rule in PROJECT_RULES if rule.CODE.startswith("SP9"))


def test_fixture() -> None:
    """Bad Dockerfiles, compose files and ignore files give SP000 on their line."""
    assert_container_fixture("SP000")


def test_one_finding_per_bad_file_and_rules_skip_it() -> None:
    """Every bad file is reported once; no SP9 rule reports on it."""
    texts = {
        "Dockerfile": "FROM python:3.13-slim\nNOPE x\n",
        "compose.yaml": "services: [\n",
        ".gitignore": "\x00\ufffd\n",
        ".dockerignore": ".git\n",
    }
    context = ProjectContext(package="app", texts=MappingProxyType(texts))
    findings = container_parse_errors(context)
    assert sorted((f.path, f.line, f.code) for f in findings) == [
        (".gitignore", 1, "SP000"),
        ("Dockerfile", 2, "SP000"),
        ("compose.yaml", 1, "SP000"),
    ]
    assert "unknown instruction: NOPE" in findings[0].message
    reported = {f.path for rule in SP9_RULES for f in rule().check(context)}
    assert reported <= {".dockerignore"}


def test_parsed_once_per_context() -> None:
    """The container inputs are parsed once and shared by every rule."""
    context = ProjectContext(
        package="app", texts=MappingProxyType({"Dockerfile": "FROM a\n"})
    )
    assert context.containers is context.containers
