"""``--fix --diff``: the planned fixes as a unified diff, and the one-line fix summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.services.fixing import FixOutcome

__all__ = ["fix_summary", "render_diff"]


def render_diff(diff: str, console: Console) -> None:
    """Write a unified diff exactly as it is (no markup, no wrapping).

    Args:
        diff: The diff text.
        console: Where to write.
    """
    if diff:
        console.print(diff, end="", markup=False, highlight=False, soft_wrap=True)


def fix_summary(outcome: FixOutcome) -> str:
    """Say in one line what ``--fix`` did or would do.

    Args:
        outcome: The fix step's outcome.

    Returns:
        ``fixed N findings (M remaining)``, or for a diff ``N files would
        change``.
    """
    files = len(outcome.changes)
    noun = "file" if files == 1 else "files"
    if not outcome.written:
        return f"{files} {noun} would change; nothing was written"
    fixed = outcome.report.fixed
    remaining = len(outcome.report.findings)
    finding = "finding" if fixed == 1 else "findings"
    return f"fixed {fixed} {finding} in {files} {noun} ({remaining} remaining)"
