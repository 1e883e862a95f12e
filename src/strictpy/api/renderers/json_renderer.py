"""The ``json`` format: one document, exactly as ``cli.md`` specifies it."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from strictpy import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["json_document", "render_json"]

SCHEMA_VERSION = 1


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


def json_document(report: AuditReport) -> dict[str, object]:
    """Build the JSON document of a report.

    Args:
        report: The audit's report.

    Returns:
        The document as plain data.
    """
    by_code = Counter(finding.code for finding in report.findings)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "strictpy", "version": __version__},
        "summary": {
            "files_checked": report.files_checked,
            "findings": len(report.findings),
            "fixed": report.fixed,
            "by_code": dict(sorted(by_code.items())),
        },
        "findings": [_finding_object(finding) for finding in report.findings],
    }


def render_json(report: AuditReport, console: Console) -> None:
    """Write the JSON document.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    document = json_document(report)
    findings = [_finding_object(finding) for finding in report.findings]
    head = json.dumps({**document, "findings": []}, indent=2, ensure_ascii=False)
    # One finding per line, written as it is encoded: large reports stay cheap in
    # time and memory, and the output greps well.
    stream = console.file
    stream.write(head.removesuffix("[]\n}"))
    stream.write("[")
    for index, finding in enumerate(findings):
        stream.write(
            ("," if index else "") + "\n    " + json.dumps(finding, ensure_ascii=False)
        )
    stream.write("\n  ]\n}\n" if findings else "]\n}\n")
