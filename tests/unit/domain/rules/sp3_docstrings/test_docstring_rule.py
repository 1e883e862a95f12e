"""Tests for the SP3 rules' shared plumbing and the engine's analysis sharing."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.context import FileContext
from strictpy.domain.analysis.docstring_analysis import DocstringAnalysis
from strictpy.domain.analysis.file_info import RuleOptions, describe_file
from strictpy.domain.registry import FILE_RULES
from strictpy.domain.rules.sp3_docstrings.docstring_rule import (
    DocstringRule,
    enclosing_class,
)
from tests.conftest import run_source


def _context() -> FileContext:
    """Build a context for a small module.

    Returns:
        The context.
    """
    source = '"""A module."""\n'
    info = describe_file("src/app/example.py", "app")
    return FileContext(info, RuleOptions(), cst.parse_module(source), source)


def test_analysis_is_started_once_for_all_rules() -> None:
    """Every SP3 rule declaring the analysis shares one instance per file."""
    ctx = _context()
    rules = [rule for rule in FILE_RULES if issubclass(rule, DocstringRule)]
    started = ctx.start_analyses(rules)
    assert len(rules) > 1
    assert len(started) == 1
    assert isinstance(started[0], DocstringAnalysis)
    assert ctx.start_analyses(rules) == []
    assert ctx.analysis(DocstringAnalysis) is started[0]


def test_undeclared_analysis_is_a_key_error() -> None:
    """Asking for an analysis no selected rule declared fails loudly."""
    with pytest.raises(KeyError):
        _context().analysis(DocstringAnalysis)


def test_enclosing_class() -> None:
    """Only a function directly in a class body has an enclosing class."""
    module = cst.parse_module("class A:\n    def f(self):\n        '''F.'''\n")
    owner = module.body[0]
    assert isinstance(owner, cst.ClassDef)
    assert isinstance(owner.body, cst.IndentedBlock)
    assert enclosing_class([module, owner, owner.body]) is owner
    assert enclosing_class([module]) is None


def test_every_sp3_rule_runs_together_on_a_clean_module() -> None:
    """A module written as the ruleset asks gives no SP3 finding at all."""
    source = (
        '"""A module."""\n\n\n'
        "class Stats:\n"
        '    """Statistics over a dataset.\n\n'
        "    Args:\n        factor: A scaling factor.\n"
        '    """\n\n'
        "    def __init__(self, factor: float) -> None:\n"
        '        """Create the statistics."""\n'
        "        self.factor = factor\n\n"
        "    def calculate(self, data_points: list[float]) -> dict[str, float]:\n"
        '        """Calculate statistical metrics for a given dataset.\n\n'
        "        Args:\n"
        "            data_points: A list of floating-point values to analyze.\n\n"
        "        Raises:\n"
        "            ValueError: If the data_points list is empty.\n\n"
        "        Returns:\n"
        "            A dictionary containing 'mean'.\n"
        '        """\n'
        "        if not data_points:\n"
        '            raise ValueError("empty")\n'
        '        return {"mean": sum(data_points) / len(data_points) * self.factor}\n'
    )
    assert run_source(source, select=["SP3"]) == []
