"""The ``json`` format: one document, exactly as ``cli.md`` specifies it."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from strictpy import __version__
from strictpy.api.renderers.segments import (
    LineWriter,
    render_in_segments,
    summarize,
)

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.api.renderers.segments import Summary
    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["JSON_WRITER", "JsonWriter", "finding_line", "json_document", "render_json"]

SCHEMA_VERSION = 1
# The standard library's (C-accelerated) string encoder, as ``json.dumps`` uses
# it with ``ensure_ascii=False``.
_text = encode_basestring


def _finding_object(finding: Finding) -> dict[str, object]:
    """Return one finding as the documented JSON object.

    Args:
        finding: The finding.

    Returns:
        The JSON-ready mapping.
    """
    span = finding.span
    return {
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "path": finding.path,
        "line": span.line if span else None,
        "column": span.column if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_column if span else None,
        "severity": str(finding.severity),
        "fixable": finding.fixable,
        "source": finding.source,
    }


def finding_line(finding: Finding) -> str:
    """Encode one finding exactly as ``json.dumps(finding object)`` would.

    Formatted directly: building a mapping per finding and handing it to the
    encoder costs several times more, and reports can hold 100,000 findings.

    Args:
        finding: The finding.

    Returns:
        The finding's JSON object on one line.
    """
    span = finding.span
    where = (
        f"{span.line}, "
        f'"column": {span.column}, '
        f'"end_line": {span.end_line}, '
        f'"end_column": {span.end_column}'
        if span
        else 'null, "column": null, "end_line": null, "end_column": null'
    )
    return (
        f'{{"code": {_text(finding.code)}, "name": {_text(finding.name)}, '
        f'"message": {_text(finding.message)}, "path": {_text(finding.path)}, '
        f'"line": {where}, "severity": {_text(str(finding.severity))}, '
        f'"fixable": {"true" if finding.fixable else "false"}, '
        f'"source": {_text(finding.source)}}}'
    )


def _document_head(summary: Summary) -> dict[str, object]:
    """Build the document's fields other than the findings.

    Args:
        summary: The whole report's counts.

    Returns:
        The version, tool and summary fields.
    """
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "strictpy", "version": __version__},
        "summary": {
            "files_checked": summary.files_checked,
            "findings": summary.findings,
            "fixed": summary.fixed,
            "by_code": dict(summary.by_code),
        },
    }


def json_document(report: AuditReport) -> dict[str, object]:
    """Build the JSON document of a report.

    Args:
        report: The audit's report.

    Returns:
        The document as plain data.
    """
    return {
        **_document_head(summarize(report, ())),
        "findings": [_finding_object(finding) for finding in report.findings],
    }


class JsonWriter(LineWriter):
    """The JSON document as segments: one finding per line, encoded one at a time.

    Findings are never gathered as a whole document: a large report stays cheap
    in memory, and the output greps well.
    """

    LEAD = ","

    def __init__(self) -> None:
        """Write each finding on its own line, after the array's separator."""
        super().__init__(finding_line, before=",\n    ", after="")

    def head(self, summary: Summary, console: Console) -> None:
        """Write the document up to the opening of the findings array.

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        head = json.dumps(
            {**_document_head(summary), "findings": []}, indent=2, ensure_ascii=False
        )
        console.file.write(head.removesuffix("[]\n}") + "[")

    def tail(self, summary: Summary, console: Console) -> None:
        """Close the findings array and the document.

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        console.file.write("\n  ]\n}\n" if summary.findings else "]\n}\n")


JSON_WRITER = JsonWriter()


def render_json(report: AuditReport, console: Console) -> None:
    """Write the JSON document.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    render_in_segments(JSON_WRITER, report, console)
