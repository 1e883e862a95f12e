"""Tests for the file pass's plan."""

from __future__ import annotations

import pickle

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.rule_catalog import CODES, FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_plan import FilePlan
from tests.conftest import run_fresh

PLAN = FilePlan(
    FILE_CODES,
    Selection.build(CODES, select=(), extend_select=(), ignore=(), per_file_ignores={}),
    RuleOptions("app"),
    collect_facts=True,
)


def test_a_plan_travels_without_the_rules() -> None:
    """Unpickling a plan in a fresh process imports neither a rule nor libcst."""
    script = (
        "import pickle, sys\n"
        "plan = pickle.loads(sys.stdin.buffer.read())\n"
        "print(len(plan.codes), any(m.split('.')[0] == 'libcst' for m in sys.modules),"
        " any(m.split('.')[:3] == ['strictpy', 'domain', 'rules'] for m in sys.modules))\n"
    )
    output = run_fresh(script, pickle.dumps(PLAN))
    assert output.split() == [str(len(FILE_CODES)), "False", "False"]


def test_a_plan_round_trips() -> None:
    """A pickled plan equals the original."""
    assert pickle.loads(pickle.dumps(PLAN)) == PLAN  # noqa: S301 - our own bytes
