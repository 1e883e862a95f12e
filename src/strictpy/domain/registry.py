"""The rule registry: every rule class, in code order (strictpy's ``codes.rs``)."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.codes import Scope
from strictpy.domain.rule import FileRule, ProjectRule
from strictpy.domain.rules import (
    sp0_engine,
    sp1_placeholders,
    sp2_typing,
    sp3_docstrings,
    sp4_errors,
    sp5_security,
    sp6_async,
    sp7_layout,
    sp8_pyproject,
    sp9_containers,
)

if TYPE_CHECKING:
    from strictpy.domain.rule import Rule

__all__ = ["BY_CODE", "CODES", "FILE_RULES", "PROJECT_RULES", "RULES"]

RULES: tuple[type[Rule], ...] = tuple(
    sorted(
        (
            *sp0_engine.RULES,
            *sp1_placeholders.RULES,
            *sp2_typing.RULES,
            *sp3_docstrings.RULES,
            *sp4_errors.RULES,
            *sp5_security.RULES,
            *sp6_async.RULES,
            *sp7_layout.RULES,
            *sp8_pyproject.RULES,
            *sp9_containers.RULES,
        ),
        key=lambda rule: rule.CODE,
    )
)
BY_CODE: MappingProxyType[str, type[Rule]] = MappingProxyType(
    {rule.CODE: rule for rule in RULES}
)
CODES: tuple[str, ...] = tuple(BY_CODE)
FILE_RULES: tuple[type[FileRule], ...] = tuple(
    rule for rule in RULES if rule.SCOPE is Scope.FILE and issubclass(rule, FileRule)
)
PROJECT_RULES: tuple[type[ProjectRule], ...] = tuple(
    rule
    for rule in RULES
    if rule.SCOPE is Scope.PROJECT and issubclass(rule, ProjectRule)
)
