"""Tests for the project pass: running the project rules on a context."""

from __future__ import annotations

from strictpy.domain.registry import CODES
from strictpy.domain.rules.sp7_layout.missing_package_module import (
    MissingPackageModule,
)
from strictpy.domain.rules.sp7_layout.not_src_layout import NotSrcLayout
from strictpy.domain.selection import Selection
from strictpy.services.project_pass import context_from_files
from strictpy.services.project_rules_pass import project_findings, run_project_rules
from tests.conftest import run_fresh


def test_run_project_rules_applies_per_file_ignores() -> None:
    """Findings on ignored paths are dropped; others kept in rule order."""
    context = context_from_files({"pyproject.toml": '[project]\nname = "shop"\n'})
    rules = (NotSrcLayout, MissingPackageModule)
    everything = run_project_rules(context, rules)
    assert [f.code for f in everything] == ["SP701"] + ["SP702"] * 5
    selection = Selection.build(
        CODES,
        select=None,
        extend_select=(),
        ignore=(),
        per_file_ignores={
            "src/shop/config.py": ["SP702"],
            "src/shop/__init__.py": ["SP7"],
        },
    )
    kept = run_project_rules(context, rules, selection)
    assert [f.path for f in kept] == [
        "src/shop/__main__.py",
        "src/shop/exceptions.py",
        "src/shop/logging.py",
    ]


def test_project_findings_keep_what_the_selection_allows() -> None:
    """Selected project rules and the project files' parse check run; the rest not."""
    context = context_from_files(
        {
            "pyproject.toml": '[project]\nname = "shop"\n',
            "compose.yaml": "services: [\n",
        }
    )
    everything = Selection.build(
        CODES, select=None, extend_select=(), ignore=(), per_file_ignores={}
    )
    codes = {f.code for f in project_findings(context, everything)}
    assert {"SP000", "SP701", "SP702"} <= codes
    only_layout = Selection.build(
        CODES, select=["SP701"], extend_select=(), ignore=(), per_file_ignores={}
    )
    assert {f.code for f in project_findings(context, only_layout)} == {"SP701"}


def test_the_project_pass_imports_no_file_rule() -> None:
    """Importing the project pass leaves libcst and the file rules out."""
    script = (
        "import sys\n"
        "import strictpy.services.project_rules_pass\n"
        "print(any(m.split('.')[0] == 'libcst' for m in sys.modules),"
        " 'strictpy.domain.file_rule' in sys.modules)\n"
    )
    output = run_fresh(script)
    assert output.split() == ["False", "False"]
