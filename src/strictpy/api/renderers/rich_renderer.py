"""The ``rich`` format: findings grouped by file with a code frame, then a summary table."""

from __future__ import annotations

from collections import Counter
from types import MappingProxyType
from typing import TYPE_CHECKING

from rich.color import ColorSystem
from rich.markup import escape
from rich.style import Style
from rich.table import Table

from strictpy.api.renderers.segments import SegmentWriter, render_in_segments

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Console

    from strictpy.api.renderers.segments import Summary
    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["RICH_WRITER", "RichWriter", "render_rich", "render_statistics"]

COLOR_SYSTEMS: MappingProxyType[str, ColorSystem] = MappingProxyType(
    {
        "standard": ColorSystem.STANDARD,
        "256": ColorSystem.EIGHT_BIT,
        "truecolor": ColorSystem.TRUECOLOR,
        "windows": ColorSystem.WINDOWS,
    }
)


class _Painter:
    """Applies rich styles to plain strings, as ANSI codes only on colour consoles.

    Printing each finding through rich's text layout costs tens of microseconds
    per line; a report with many thousand findings would take minutes. Findings
    are therefore written as plain lines, styled here piece by piece.
    """

    __slots__ = ("_cache", "_system")

    def __init__(self, console: Console) -> None:
        """Read the console's colour system.

        Args:
            console: The console the report goes to.
        """
        self._system = COLOR_SYSTEMS.get(console.color_system or "")
        self._cache: dict[str, Style] = {}

    def __call__(self, text: str, style: str) -> str:
        """Return the text with the style applied (unchanged without colours).

        Args:
            text: The text.
            style: A rich style definition such as ``bold red``.

        Returns:
            The styled text.
        """
        if self._system is None or not text:
            return text
        parsed = self._cache.get(style)
        if parsed is None:
            parsed = self._cache[style] = Style.parse(style)
        return parsed.render(text, color_system=self._system)


def _frame(finding: Finding, lines: dict[int, str], paint: _Painter) -> str:
    """Build the code frame under a finding: numbered lines and a caret.

    Args:
        finding: The finding.
        lines: The file's excerpt, line number to text.
        paint: Applies styles.

    Returns:
        The frame's lines, or '' without a position or source.
    """
    span = finding.span
    if span is None or span.line not in lines:
        return ""
    width = len(str(max(lines)))
    frame: list[str] = []
    for number in range(span.line - 1, span.line + 2):
        if number not in lines:
            continue
        marker = ">" if number == span.line else " "
        gutter = paint(f"  {marker} {number:>{width}} | ", "dim")
        frame.append(f"{gutter}{lines[number].expandtabs(4)}\n")
        if number == span.line:
            length = span.end_column - span.column if span.end_line == span.line else 1
            pad = " " * (width + 7 + span.column - 1)
            frame.append(pad + paint("^" * max(1, length), "bold red") + "\n")
    return "".join(frame)


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


class RichWriter(SegmentWriter):
    """The rich format as segments: a block per file, then a table and a total."""

    def segment(
        self,
        path: str,
        findings: Sequence[Finding],
        excerpt: Mapping[int, str],
        console: Console,
    ) -> str:
        """Render one file's block: its path, each finding with a code frame.

        Args:
            path: The file's path.
            findings: Its findings.
            excerpt: Its source lines around the findings.
            console: The console (its colour system styles the text).

        Returns:
            The block.
        """
        paint = _Painter(console)
        lines = dict(excerpt)
        chunks = [paint(path, "bold underline") + "\n"]
        for finding in findings:
            span = finding.span
            where = f"{span.line}:{span.column}" if span else "-"
            code = paint(finding.code, "bold red")
            chunks.append(f"  {where:>8} {code} {finding.message}\n")
            chunks.append(_frame(finding, lines, paint))
        chunks.append("\n")
        return "".join(chunks)

    def tail(self, summary: Summary, console: Console) -> None:
        """Write the table of counts by code and the closing line.

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        if summary.findings:
            table = Table(title="Findings by code", show_edge=False)
            table.add_column("code")
            table.add_column("name")
            table.add_column("count", justify="right")
            for code, count in summary.by_code.items():
                table.add_row(code, summary.names[code], str(count))
            console.print(table)
            console.print(
                f"Found {summary.findings} findings in {summary.files_checked} "
                "files checked.",
                style="bold red",
            )
        else:
            console.print(
                f"All checks passed: {summary.files_checked} files checked.",
                style="bold green",
            )


RICH_WRITER = RichWriter()


def render_rich(report: AuditReport, console: Console) -> None:
    """Write findings grouped by file, a summary table and a closing line.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    render_in_segments(RICH_WRITER, report, console)
