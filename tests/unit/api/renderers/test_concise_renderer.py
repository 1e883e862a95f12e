"""Tests for the concise line format."""

from __future__ import annotations

from strictpy.api.renderers.concise_renderer import concise_line
from strictpy.domain.findings import Finding, Span


def test_lines() -> None:
    """Located and whole-file findings format like compilers do."""
    assert (
        concise_line(Finding("SP101", "n", "msg", "a.py", Span(3, 4, 3, 5)))
        == "a.py:3:4: SP101 msg"
    )
    assert (
        concise_line(Finding("SP705", "n", "msg", "Dockerfile"))
        == "Dockerfile: SP705 msg"
    )
