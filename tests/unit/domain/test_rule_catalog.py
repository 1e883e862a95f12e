"""Tests for the codes readable without importing the rules."""

from __future__ import annotations

from strictpy.domain.registry import CODES, FILE_RULES, PROJECT_RULES
from strictpy.domain.rule_catalog import (
    CODES as CATALOG_CODES,
    FILE_CODES,
    PROJECT_CODES,
)
from tests.conftest import run_fresh

# What the main process imports before its files are checked: the command line,
# the audit of a root, handing files out, Ruff's pass.
MAIN_PROCESS = (
    "strictpy.api.cli",
    "strictpy.services.root_audit",
    "strictpy.services.parallel_check",
    "strictpy.services.ruff_pass",
)


def test_catalog_equals_the_registry() -> None:
    """Each tuple lists the registry's rules of its scope, in code order."""
    assert tuple(rule.CODE for rule in FILE_RULES) == FILE_CODES
    assert tuple(rule.CODE for rule in PROJECT_RULES) == PROJECT_CODES
    assert CATALOG_CODES == CODES


def test_the_main_process_decides_without_importing_the_rules() -> None:
    """Up to the file pass, no rule, no libcst and no context parser is imported."""
    script = (
        "import importlib, sys\n"
        f"for name in {MAIN_PROCESS!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'libcst'"
        " or m.split('.')[:3] == ['strictpy', 'domain', 'rules']"
        " or m in ('strictpy.domain.registry', 'strictpy.domain.project', 'yaml')))\n"
    )
    output = run_fresh(script)
    assert output.strip() == "[]"
