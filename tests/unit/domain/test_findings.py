"""Tests for finding values and their order."""

from __future__ import annotations

from strictpy.domain.findings import Finding, Span, sort_key


def test_sort_key_orders_by_path_line_column_code() -> None:
    """Whole-file findings come first within a path."""
    later = Finding("SP102", "pass-statement", "m", "a.py", Span(3, 1, 3, 5))
    whole = Finding("SP705", "missing-project-file", "m", "a.py")
    first = Finding("SP101", "todo-comment", "m", "a.py", Span(3, 1, 3, 5))
    other = Finding("SP101", "todo-comment", "m", "b.py", Span(1, 1, 1, 2))
    assert sorted([other, later, whole, first], key=sort_key) == [
        whole,
        first,
        later,
        other,
    ]
    assert (first.line, whole.line) == (3, None)


def test_fingerprint_does_not_affect_equality() -> None:
    """Two findings differing only in fingerprint are equal."""
    one = Finding("SP101", "n", "m", "a.py", fingerprint="x")
    two = Finding("SP101", "n", "m", "a.py", fingerprint="y")
    assert one == two
