"""Tests for the base class of file rules."""

from __future__ import annotations

from strictpy.domain.codes import Scope
from strictpy.domain.file_rule import FileRule
from strictpy.domain.project_registry import PROJECT_RULES, RUFF_RULES
from strictpy.domain.registry import FILE_RULES
from tests.conftest import run_fresh, run_source


def test_file_rules_ride_the_walk_and_the_others_do_not() -> None:
    """Every file rule is a ``FileRule``; no project or Ruff rule is one."""
    assert all(issubclass(rule, FileRule) for rule in FILE_RULES)
    assert all(rule.SCOPE is Scope.FILE for rule in FILE_RULES)
    assert not any(issubclass(rule, FileRule) for rule in (*PROJECT_RULES, *RUFF_RULES))


def test_report_places_the_finding_at_the_node() -> None:
    """A handler's ``report`` becomes a finding at the reported node's line."""
    source = '"""Module."""\n\n\ndef run() -> None:\n    """Run."""\n    print(1)\n'
    findings = run_source(source, select=["SP404"])
    assert [(f.code, f.line) for f in findings] == [("SP404", 6)]
    assert findings[0].span is not None
    assert findings[0].span.column == len("    ") + 1  # 1-based, as Ruff reports


def test_the_base_of_project_rules_imports_no_libcst() -> None:
    """``domain.rule`` stays free of libcst; ``domain.file_rule`` brings it."""
    script = (
        "import sys\n"
        "import strictpy.domain.rule\n"
        "before = 'libcst' in sys.modules\n"
        "import strictpy.domain.file_rule\n"
        "print(before, 'libcst' in sys.modules)\n"
    )
    output = run_fresh(script)
    assert output.split() == ["False", "True"]
