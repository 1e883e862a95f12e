"""Tests for baselines: keyed by content, not by line number."""

from __future__ import annotations

from strictpy.domain.baseline import apply_baseline, baseline_counts
from strictpy.domain.findings import Finding, Span


def _finding(line: int, text: str, code: str = "SP102") -> Finding:
    """Build a finding on a line with a source text.

    Args:
        line: The line.
        text: The line's source text.
        code: The code.

    Returns:
        The finding.
    """
    return Finding(code, "n", "m", "a.py", Span(line, 1, line, 2), fingerprint=text)


def test_moved_finding_stays_accepted() -> None:
    """Inserting lines above a finding does not resurrect it."""
    accepted = baseline_counts([_finding(3, "pass")])
    assert apply_baseline([_finding(10, "pass")], accepted) == []


def test_new_finding_is_not_hidden() -> None:
    """A new finding on other code, or one copy too many, is reported."""
    accepted = baseline_counts([_finding(3, "pass")])
    other = _finding(5, "x = 1", "SP604")
    second = _finding(8, "pass")
    assert apply_baseline([_finding(3, "pass"), other, second], accepted) == [
        other,
        second,
    ]


def test_whitespace_changes_do_not_matter() -> None:
    """Re-indenting a line keeps its key."""
    accepted = baseline_counts([_finding(3, "x  =  1")])
    assert apply_baseline([_finding(4, "x = 1")], accepted) == []


def test_findings_without_lines_use_the_message() -> None:
    """Project findings are keyed by their message."""
    missing = Finding("SP705", "n", "Missing 'Dockerfile'", "Dockerfile")
    assert apply_baseline([missing], baseline_counts([missing])) == []
