"""Tests for the cacheable file result value."""

from __future__ import annotations

from strictpy.domain.results import FileResult


def test_result_is_a_frozen_value() -> None:
    """Results compare by value, so cached and fresh results can be compared."""
    one = FileResult("a.py", (), None, ((1, "x"),))
    assert one == FileResult("a.py", (), None, ((1, "x"),))
    assert hash(one) == hash(FileResult("a.py", (), None, ((1, "x"),)))
