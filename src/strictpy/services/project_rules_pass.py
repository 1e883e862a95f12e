"""The project pass: the project rules run once per root on the project's context.

Imports no file rule and no libcst (``domain.project_registry``): the main
process of a run whose files a worker checks imports this while the worker is
busy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.project_registry import PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext
    from strictpy.domain.rule import ProjectRule
    from strictpy.domain.selection import Selection

__all__ = ["project_findings", "run_project_rules"]


def run_project_rules(
    context: ProjectContext,
    rules: Iterable[type[ProjectRule]],
    selection: Selection | None = None,
) -> list[Finding]:
    """Run project rules on a context, keeping the findings the selection allows.

    Args:
        context: The project's context.
        rules: The project rules to run.
        selection: Per-path selection (``per-file-ignores``); None keeps all.

    Returns:
        The findings, in rule order.
    """
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(
            finding
            for finding in rule().check(context)
            if selection is None or finding.code in selection.enabled_for(finding.path)
        )
    return findings


def project_findings(context: ProjectContext, selection: Selection) -> list[Finding]:
    """Run the selected project rules, and the project files' parse check.

    Args:
        context: The project's context.
        selection: The effective selection.

    Returns:
        The findings the selection keeps.
    """
    found: list[Finding] = []
    if "SP000" in selection.enabled:
        found.extend(
            finding
            for finding in container_parse_errors(context)
            if finding.code in selection.enabled_for(finding.path)
        )
    rules = [rule for rule in PROJECT_RULES if rule.CODE in selection.enabled]
    found.extend(run_project_rules(context, rules, selection))
    return found
