"""Tests for the SARIF log's shape (the schema test lives in integration)."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.api.renderers.sarif_renderer import sarif_document
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport


def test_rules_results_and_locations() -> None:
    """Rules are listed once; results point at relative URIs under %SRCROOT%."""
    report = AuditReport(
        (
            Finding(
                "SP101",
                "todo-comment",
                "m",
                "src/a.py",
                Span(2, 3, 2, 3),
                fingerprint="x",
            ),
            Finding("SP101", "todo-comment", "m", "src/b.py", Span(1, 1, 1, 4)),
            Finding(
                "F401",
                "unused-import",
                "m",
                "src/b.py",
                Span(1, 1, 1, 4),
                source="ruff",
            ),
            Finding("SP705", "missing-project-file", "m", "Dockerfile"),
        ),
        2,
        MappingProxyType({}),
    )
    (run,) = sarif_document(report)["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["F401", "SP101", "SP705"]
    assert rules[1]["helpUri"].endswith("#sp101")
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "src/a.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["endColumn"] > location["region"]["startColumn"]
    assert first["ruleIndex"] == rules.index(rules[1])
    assert "region" not in run["results"][-1]["locations"][0]["physicalLocation"]
