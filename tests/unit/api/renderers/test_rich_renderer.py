"""Tests for the rich renderer against a deterministic console."""

from __future__ import annotations

import io
from types import MappingProxyType

from rich.console import Console

from strictpy.api.renderers.rich_renderer import render_rich, render_statistics
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport

REPORT = AuditReport(
    (
        Finding(
            "SP102",
            "pass-statement",
            "'pass' is a placeholder body",
            "a.py",
            Span(2, 5, 2, 9),
        ),
        Finding(
            "SP102",
            "pass-statement",
            "'pass' is a placeholder body",
            "a.py",
            Span(4, 5, 4, 9),
        ),
        Finding("SP705", "missing-project-file", "Missing 'Dockerfile'", "Dockerfile"),
    ),
    1,
    MappingProxyType(
        {"a.py": ((1, "def f():"), (2, "    pass"), (3, ""), (4, "    pass"))}
    ),
)


def test_rich_layout() -> None:
    """Findings are grouped by file with frames and a count table."""
    buffer = io.StringIO()
    render_rich(REPORT, Console(file=buffer, width=100, color_system=None))
    text = buffer.getvalue()
    assert "  > 2 |     pass" in text
    assert "^^^^" in text
    assert "Dockerfile" in text
    assert "Found 3 findings in 1 files checked." in text


def test_statistics_sorted_by_count() -> None:
    """Statistics list the most frequent code first."""
    console = Console(width=100, color_system=None, record=True)
    render_statistics(REPORT, console)
    assert console.export_text().splitlines() == [
        "     2 SP102 pass-statement",
        "     1 SP705 missing-project-file",
    ]


def test_colours_only_on_colour_consoles() -> None:
    """A colour console gets ANSI codes; a plain one gets none."""
    buffer = io.StringIO()
    render_rich(
        REPORT,
        Console(file=buffer, width=100, force_terminal=True, color_system="standard"),
    )
    assert "\x1b[" in buffer.getvalue()
