"""Tests for the diff output and the one-line fix summary."""

from __future__ import annotations

import io
from pathlib import Path
from types import MappingProxyType

from rich.console import Console

from strictpy.api.renderers.diff_renderer import fix_summary, render_diff
from strictpy.services.audit import AuditReport
from strictpy.services.fix_plan import FileChange
from strictpy.services.fixing import FixOutcome, RootChange

DIFF = "--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-[x]=1\n+[x] = 1\n"


def _outcome(*, written: bool, fixed: int, changes: int) -> FixOutcome:
    """Build an outcome with some changes.

    Args:
        written: Whether the changes were written.
        fixed: The fixed count.
        changes: How many files changed.

    Returns:
        The outcome.
    """
    report = AuditReport((), 1, MappingProxyType({}), fixed=fixed)
    items = tuple(
        RootChange(Path(), f"f{index}.py", FileChange(f"f{index}.py", b"", b"x"))
        for index in range(changes)
    )
    return FixOutcome(report, items, "", written=written)


def test_diff_is_written_verbatim() -> None:
    """Brackets and long lines come out as they are."""
    stream = io.StringIO()
    render_diff(DIFF, Console(file=stream, width=20, color_system=None))
    assert stream.getvalue() == DIFF
    empty = io.StringIO()
    render_diff("", Console(file=empty))
    assert empty.getvalue() == ""


def test_summaries() -> None:
    """Written fixes count findings; a diff counts files."""
    assert fix_summary(_outcome(written=True, fixed=1, changes=1)) == (
        "fixed 1 finding in 1 file (0 remaining)"
    )
    assert fix_summary(_outcome(written=True, fixed=3, changes=2)) == (
        "fixed 3 findings in 2 files (0 remaining)"
    )
    assert fix_summary(_outcome(written=False, fixed=0, changes=2)) == (
        "2 files would change; nothing was written"
    )
