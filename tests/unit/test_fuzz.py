"""Property-based robustness: generated programs through the whole engine.

Every rule is selected. No exception may escape, no rule may fail internally
(the engine would report that as SP000 "internal error"), every finding must
point inside the file, and two runs must agree exactly.
"""

from __future__ import annotations

import os

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import run_source

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::SyntaxWarning"),
]

# CI runs a few hundred programs (generation dominates the time); a deeper run by
# hand: STRICTPY_FUZZ_EXAMPLES=5000 uv run pytest tests/unit/test_fuzz.py
EXAMPLES = int(os.environ.get("STRICTPY_FUZZ_EXAMPLES", "450"))


def _check_positions(source: str) -> None:
    """Run every rule twice and check positions and determinism.

    Args:
        source: A generated program.
    """
    first = run_source(source)
    second = run_source(source)
    assert first == second
    lines = source.splitlines()
    for finding in first:
        assert "internal error" not in finding.message, finding.message
        if finding.span is None or finding.code == "SP000":
            continue
        assert 1 <= finding.span.line <= max(len(lines), 1), finding
        assert finding.span.end_line >= finding.span.line, finding
        assert finding.span.column >= 1, finding


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(hypothesmith.from_grammar())
def test_grammar_programs(source: str) -> None:
    """Programs from Python's grammar never break the engine.

    Args:
        source: A generated program.
    """
    _check_positions(source)


@settings(
    max_examples=EXAMPLES // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(hypothesmith.from_node())
def test_node_programs(source: str) -> None:
    """Programs built from libcst node trees never break the engine.

    Args:
        source: A generated program.
    """
    _check_positions(source)
