"""The ``sarif`` format: one SARIF 2.1.0 run that GitHub code scanning can load.

Locations are relative URIs resolved against the ``%SRCROOT%`` base id, rules
carry their short and full descriptions and a help URI.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from strictpy import __version__
from strictpy.services.rule_docs import all_rule_docs

if TYPE_CHECKING:
    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = ["DOCS_URL", "render_sarif", "sarif_document"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URL = "https://github.com/strictpy/strictpy/blob/main/docs/rules.md"
SOURCE_ROOT = "%SRCROOT%"


def _rule_objects(codes: set[str]) -> tuple[list[dict[str, object]], dict[str, int]]:
    """Build the ``rules`` array for the codes that appear, and their indexes.

    Args:
        codes: The codes of the findings (ruff's codes included).

    Returns:
        The rule descriptors and an index by code.
    """
    rules: list[dict[str, object]] = []
    index: dict[str, int] = {}
    docs = {doc.code: doc for doc in all_rule_docs()}
    for code in sorted(codes):
        doc = docs.get(code)
        descriptor: dict[str, object] = {"id": code}
        if doc is not None:
            descriptor.update(
                {
                    "name": doc.name,
                    "shortDescription": {"text": doc.summary},
                    "fullDescription": {"text": doc.explanation or doc.summary},
                    "helpUri": f"{DOCS_URL}#{doc.code.lower()}",
                    "help": {"text": doc.fix_hint or doc.summary},
                    "properties": {
                        "tags": [doc.family],
                        "ruleset-section": doc.ruleset_ref,
                    },
                }
            )
        else:
            descriptor["shortDescription"] = {"text": f"ruff rule {code}"}
            descriptor["helpUri"] = f"https://docs.astral.sh/ruff/rules/#{code.lower()}"
        index[code] = len(rules)
        rules.append(descriptor)
    return rules, index


def _result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    """Build one SARIF result.

    Args:
        finding: The finding.
        index: Rule index by code.

    Returns:
        The result object.
    """
    location: dict[str, object] = {
        "artifactLocation": {"uri": finding.path, "uriBaseId": SOURCE_ROOT}
    }
    if finding.span is not None:
        span = finding.span
        location["region"] = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": max(span.end_column, span.column + 1)
            if span.end_line == span.line
            else span.end_column,
        }
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": "error" if str(finding.severity) == "error" else "warning",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"strictpy/v1": f"{finding.code}:{finding.fingerprint}"},
    }


def sarif_document(report: AuditReport) -> dict[str, object]:
    """Build the SARIF log of a report.

    Args:
        report: The audit's report.

    Returns:
        The SARIF log as plain data.
    """
    rules, index = _rule_objects({finding.code for finding in report.findings})
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "strictpy",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": DOCS_URL,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {
                    SOURCE_ROOT: {"description": {"text": "The project root."}}
                },
                "results": [_result(finding, index) for finding in report.findings],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render_sarif(report: AuditReport, console: Console) -> None:
    """Write the SARIF log.

    Args:
        report: The audit's report.
        console: Where to write.
    """
    document = json.dumps(sarif_document(report), indent=2, ensure_ascii=False)
    console.file.write(document + "\n")
