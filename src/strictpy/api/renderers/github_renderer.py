"""The ``github`` format: GitHub Actions workflow commands, one per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.api.renderers.segments import LineWriter, render_in_segments

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["GITHUB_WRITER", "github_line", "render_github"]


def _escape_data(text: str) -> str:
    """Escape a workflow command's message the way the Actions runner expects.

    Args:
        text: The message.

    Returns:
        The escaped message.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow command property value.

    Args:
        text: The value.

    Returns:
        The escaped value.
    """
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding) -> str:
    """Format one finding as an ``::error`` workflow command.

    Args:
        finding: The finding.

    Returns:
        ``::error file=...,line=...,col=...,title=CODE::message``.
    """
    properties = [f"file={_escape_property(finding.path)}"]
    if finding.span is not None:
        span = finding.span
        properties.extend(
            [
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
            ]
        )
    properties.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    level = "error" if str(finding.severity) == "error" else "warning"
    message = _escape_data(f"{finding.code} {finding.message}")
    return f"::{level} {','.join(properties)}::{message}"


GITHUB_WRITER = LineWriter(github_line)


def render_github(report: AuditReport, console: Console) -> None:
    """Write one workflow command per finding.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    render_in_segments(GITHUB_WRITER, report, console)
