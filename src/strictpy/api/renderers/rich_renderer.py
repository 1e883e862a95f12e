"""The ``rich`` format: findings grouped by file with a code frame, then a summary table."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["render_rich", "render_statistics"]


def _frame(finding: Finding, lines: dict[int, str]) -> Text | None:
    """Build the code frame under a finding: numbered lines and a caret.

    Args:
        finding: The finding.
        lines: The file's excerpt, line number to text.

    Returns:
        The frame, or None without a position or source.
    """
    span = finding.span
    if span is None or span.line not in lines:
        return None
    width = len(str(max(lines)))
    frame = Text()
    for number in range(span.line - 1, span.line + 2):
        if number not in lines:
            continue
        marker = ">" if number == span.line else " "
        frame.append(f"  {marker} {number:>{width}} | ", style="dim")
        frame.append(lines[number].expandtabs(4) + "\n")
        if number == span.line:
            length = span.end_column - span.column if span.end_line == span.line else 1
            frame.append(" " * (width + 7 + span.column - 1), style="dim")
            frame.append("^" * max(1, length) + "\n", style="bold red")
    return frame


def render_statistics(report: AuditReport, console: Console) -> None:
    """Write the count of findings per code, most frequent first.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    names = {finding.code: finding.name for finding in report.findings}
    counts = Counter(finding.code for finding in report.findings)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        console.print(f"{count:>6} {code} {escape(names[code])}", highlight=False)


def render_rich(report: AuditReport, console: Console) -> None:
    """Write findings grouped by file, a summary table and a closing line.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    for path, group in groupby(report.findings, key=lambda finding: finding.path):
        console.print(Text(path, style="bold underline"))
        lines = dict(report.excerpts.get(path, ()))
        for finding in group:
            where = (
                f"{finding.span.line}:{finding.span.column}" if finding.span else "-"
            )
            line = Text(f"  {where:>8} ")
            line.append(finding.code, style="bold red")
            line.append(f" {finding.message}")
            console.print(line, soft_wrap=True)
            frame = _frame(finding, lines)
            if frame is not None:
                console.print(frame, end="", soft_wrap=True)
        console.print()
    if report.findings:
        table = Table(title="Findings by code", show_edge=False)
        table.add_column("code")
        table.add_column("name")
        table.add_column("count", justify="right")
        names = {finding.code: finding.name for finding in report.findings}
        for code, count in sorted(Counter(f.code for f in report.findings).items()):
            table.add_row(code, names[code], str(count))
        console.print(table)
        console.print(
            f"Found {len(report.findings)} findings in {report.files_checked} files checked.",
            style="bold red",
        )
    else:
        console.print(
            f"All checks passed: {report.files_checked} files checked.",
            style="bold green",
        )
