"""The ``concise`` format: ``path:line:col: CODE message``, one finding a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.api.renderers.segments import LineWriter, render_in_segments

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["CONCISE_WRITER", "concise_line", "render_concise"]


def concise_line(finding: Finding) -> str:
    """Format one finding the way compilers and ruff do.

    Args:
        finding: The finding.

    Returns:
        ``path:line:col: CODE message`` (``path: CODE message`` without a line).
    """
    if finding.span is None:
        return f"{finding.path}: {finding.code} {finding.message}"
    span = finding.span
    return f"{finding.path}:{span.line}:{span.column}: {finding.code} {finding.message}"


CONCISE_WRITER = LineWriter(concise_line)


def render_concise(report: AuditReport, console: Console) -> None:
    """Write every finding on its own line.

    Plain text is written straight to the stream (rich's line handling is far
    too slow for reports of many thousand findings, and nothing here is styled).

    Args:
        report: The audit's report.
        console: Where to write.
    """
    render_in_segments(CONCISE_WRITER, report, console)
