"""Tests for the JSON document."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.api.renderers.json_renderer import json_document
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
