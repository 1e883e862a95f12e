"""Tests for the JSON document."""

from __future__ import annotations

import json
from types import MappingProxyType

import pytest

from strictpy.api.renderers.json_renderer import finding_line, json_document
from strictpy.domain.codes import Severity
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport


def test_document_fields() -> None:
    """The document has exactly the documented shape."""
    report = AuditReport(
        (
            Finding("SP705", "missing-project-file", "m", "Dockerfile"),
            Finding("SP101", "todo-comment", "m", "a.py", Span(1, 2, 1, 9)),
        ),
        3,
        MappingProxyType({}),
    )
    document = json_document(report)
    assert document["summary"] == {
        "files_checked": 3,
        "findings": 2,
        "fixed": 0,
        "by_code": {"SP101": 1, "SP705": 1},
    }
    whole, located = document["findings"]
    assert whole["line"] is None
    assert (located["line"], located["end_column"]) == (1, 9)


@pytest.mark.parametrize(
    "finding",
    [
        Finding("SP705", "missing-project-file", "m", "Dockerfile"),
        Finding(
            "SP101",
            "todo-comment",
            'quote " backslash \\ tab \t newline \n bell \x07 é 日本 \U0001f600 \u2028',
            "pkg/ünï code.py",
            Span(12, 1, 300, 4000),
            Severity.WARNING,
            fixable=True,
            source="ruff",
        ),
    ],
)
def test_finding_line_equals_the_standard_encoder(finding: Finding) -> None:
    """The hand-formatted line is byte-identical to ``json.dumps`` of the object.

    Args:
        finding: A finding with or without a span, and hard characters.
    """
    report = AuditReport((finding,), 1, MappingProxyType({}))
    (expected,) = json_document(report)["findings"]
    assert finding_line(finding) == json.dumps(expected, ensure_ascii=False)
