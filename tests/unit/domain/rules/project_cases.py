"""Helpers for project-rule tests: build a small project in memory, run one rule."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.findings import sort_key
from strictpy.domain.registry import BY_CODE
from strictpy.domain.rule import ProjectRule
from strictpy.services.project_pass import context_from_files

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strictpy.domain.findings import Finding

__all__ = ["findings_of", "locations"]


def findings_of(
    code: str,
    files: Mapping[str, str],
    *,
    package: str | None = "shop",
    tracked: frozenset[str] | None = None,
    installed: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Finding]:
    """Run one project rule on an in-memory project.

    Args:
        code: The project rule's code.
        files: Relative path to text for every file of the project.
        package: The import package ("shop" by default; None detects it as
            the audit does).
        tracked: What git tracks (None: not a work tree).
        installed: An installed environment's module map, if any.

    Returns:
        The rule's findings, sorted.
    """
    rule = BY_CODE[code]
    assert issubclass(rule, ProjectRule)
    context = context_from_files(files, package=package, tracked=tracked)
    if installed is not None:
        context = dataclasses.replace(
            context, installed=MappingProxyType(dict(installed))
        )
    found = list(rule().check(context))
    assert all(finding.code == code for finding in found)
    return sorted(found, key=sort_key)


def locations(
    code: str,
    files: Mapping[str, str],
    *,
    package: str | None = "shop",
    tracked: frozenset[str] | None = None,
) -> list[tuple[str, int | None]]:
    """Run one project rule and keep only where it reported.

    Args:
        code: The project rule's code.
        files: Relative path to text for every file of the project.
        package: The import package ("shop" by default; None detects it as
            the audit does).
        tracked: What git tracks (None: not a work tree).

    Returns:
        (path, line) pairs, sorted.
    """
    found = findings_of(code, files, package=package, tracked=tracked)
    return [(finding.path, finding.line) for finding in found]
