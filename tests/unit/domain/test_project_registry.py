"""Tests for the rules that run once per project."""

from __future__ import annotations

from strictpy.domain.codes import Scope
from strictpy.domain.project_registry import BY_CODE, PROJECT_RULES, RUFF_RULES
from strictpy.domain.registry import BY_CODE as ALL_BY_CODE
from strictpy.domain.rule import ProjectRule
from tests.conftest import run_fresh


def test_project_rules_in_code_order_and_the_registry_agrees() -> None:
    """Project rules are sorted, scoped to the project, and the registry's own."""
    codes = [rule.CODE for rule in PROJECT_RULES]
    assert codes == sorted(codes)
    assert all(issubclass(rule, ProjectRule) for rule in PROJECT_RULES)
    assert all(rule.SCOPE is Scope.PROJECT for rule in PROJECT_RULES)
    assert [rule.CODE for rule in RUFF_RULES] == ["SP812", "SP813"]
    assert all(ALL_BY_CODE[code] is rule for code, rule in BY_CODE.items())
    assert len(BY_CODE) == len(PROJECT_RULES) + len(RUFF_RULES)


def test_importing_the_project_rules_imports_no_libcst() -> None:
    """The project rules load without the file rules' parser."""
    script = (
        "import sys\n"
        "import strictpy.domain.project_registry\n"
        "print(any(m.split('.')[0] == 'libcst' for m in sys.modules))\n"
    )
    output = run_fresh(script)
    assert output.strip() == "False"
