"""Tests for reports written as head, per-file segments and tail."""

from __future__ import annotations

import io
import json
from types import MappingProxyType

from rich.console import Console

from strictpy.api.renderers.json_renderer import JSON_WRITER
from strictpy.api.renderers.segments import render_in_segments, summarize
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport

REPORT = AuditReport(
    (
        Finding("SP101", "todo-comment", "m", "a.py", Span(1, 1, 1, 2)),
        Finding("SP201", "missing-annotation", "m", "a.py", Span(2, 1, 2, 2)),
        Finding("SP101", "todo-comment", "m", "b.py", Span(3, 1, 3, 2)),
    ),
    2,
    MappingProxyType({}),
)


def test_summary_adds_kept_segments() -> None:
    """Counts of kept segments join the fresh findings' counts, names included."""
    summary = summarize(REPORT, [({"SP101": 2, "SP999": 1}, {"SP999": "other"})])
    assert summary.findings == len(REPORT.findings) + 3
    assert dict(summary.by_code) == {"SP101": 4, "SP201": 1, "SP999": 1}
    assert summary.names["SP999"] == "other"


def test_json_body_opens_without_a_separator() -> None:
    """Only the first finding of the whole body loses its separator."""
    stream = io.StringIO()
    render_in_segments(JSON_WRITER, REPORT, Console(file=stream))
    document = json.loads(stream.getvalue())
    assert [f["line"] for f in document["findings"]] == [1, 2, 3]
