"""The ``concise`` format: ``path:line:col: CODE message``, one finding a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.api.renderers.segments import render_in_segments

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Console

    from strictpy.api.renderers.segments import Summary
    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["CONCISE_WRITER", "ConciseWriter", "concise_line", "render_concise"]


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


class ConciseWriter:
    """The concise format as segments: no head, no tail, a line per finding."""

    LEAD = ""

    def head(self, summary: Summary, console: Console) -> None:
        """Write nothing: the format has no head.

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        del summary, console

    def segment(
        self,
        path: str,
        findings: Sequence[Finding],
        excerpt: Mapping[int, str],
        console: Console,
    ) -> str:
        """Render one file's findings, a line each.

        Args:
            path: The file's path.
            findings: Its findings.
            excerpt: Unused: the format shows no code.
            console: Unused: nothing is styled.

        Returns:
            The lines.
        """
        del path, excerpt, console
        return "".join(concise_line(finding) + "\n" for finding in findings)

    def tail(self, summary: Summary, console: Console) -> None:
        """Write nothing: the format has no tail.

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        del summary, console


CONCISE_WRITER = ConciseWriter()


def render_concise(report: AuditReport, console: Console) -> None:
    """Write every finding on its own line.

    Plain text is written straight to the stream (rich's line handling is far
    too slow for reports of many thousand findings, and nothing here is styled).

    Args:
        report: The audit's report.
        console: Where to write.
    """
    render_in_segments(CONCISE_WRITER, report, console)
