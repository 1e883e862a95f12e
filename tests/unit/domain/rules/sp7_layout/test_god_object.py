"""Tests for SP709 god-object."""

from __future__ import annotations

from strictpy.domain.analysis.file_info import RuleOptions
from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP709")


def test_limits_come_from_options() -> None:
    """``max-methods`` and ``max-module-lines`` are configurable."""
    source = "class A:\n    def a(self): ...\n    def b(self): ...\n"
    options = RuleOptions(package="app", max_methods=1, max_module_lines=2)
    findings = run_source(source, select=["SP709"], options=options)
    assert [(f.line, f.message) for f in findings] == [
        (1, "Module has 3 lines (max 2)"),
        (1, "Class 'A' has 2 methods (max 1)"),
    ]


def test_module_at_the_limit_is_fine() -> None:
    """A module of exactly max-module-lines lines is not reported."""
    options = RuleOptions(package="app", max_module_lines=3)
    assert run_source("a = 1\nb = 2\nc = 3\n", select=["SP709"], options=options) == []
