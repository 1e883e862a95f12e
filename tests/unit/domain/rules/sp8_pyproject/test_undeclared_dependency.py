"""Tests for SP809 undeclared-dependency."""

from __future__ import annotations

from strictpy.domain.analysis.file_info import RuleOptions
from tests.conftest import assert_fixture, run_source

PATH = "src/app/services/report.py"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP809")


def test_declared_modules_are_accepted() -> None:
    """Modules of declared dependencies are fine, others are reported."""
    options = RuleOptions(package="app", declared_modules=frozenset({"app", "yaml"}))
    source = "import yaml\nimport toml\n"
    findings = run_source(source, select=["SP809"], path=PATH, options=options)
    assert [(f.line, f.message) for f in findings] == [
        (2, "'toml' is imported but no declared dependency provides it")
    ]


def test_unknown_dependencies_keep_the_rule_silent() -> None:
    """Without declared dependencies (None) nothing is reported."""
    options = RuleOptions(package="app", declared_modules=None)
    findings = run_source("import yaml\n", select=["SP809"], path=PATH, options=options)
    assert findings == []


def test_typeshed_is_always_available() -> None:
    """``_typeshed`` exists only for type checkers and needs no dependency."""
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from _typeshed import X\n"
    assert run_source(source, select=["SP809"], path=PATH) == []
