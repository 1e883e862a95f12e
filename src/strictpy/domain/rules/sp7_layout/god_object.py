"""SP709 god-object: classes with too many methods, modules with too many lines."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["GodObject"]

SAMPLE_METHODS = 21


def _method_names(node: cst.ClassDef) -> set[str]:
    """Return the names of the methods a class body defines.

    Overloads and property accessors share one name and count once.

    Args:
        node: The class.

    Returns:
        The distinct method names.
    """
    names: set[str] = set()
    for statement in node.body.body:
        if isinstance(statement, cst.FunctionDef):
            names.add(statement.name.value)
    return names


def _sample_class(methods: int) -> str:
    """Build the source of a class with a given number of methods, for examples.

    Args:
        methods: How many methods.

    Returns:
        The module source.
    """
    body = "".join(
        f'\n    def m{index}(self) -> None:\n        """Do {index}."""\n'
        for index in range(methods)
    )
    return f'"""A module."""\n\n\nclass Big:\n    """Big."""\n{body}'


class GodObject(FileRule):
    """Flags classes with more than ``max-methods`` methods and oversized modules.

    Ruleset 1: fat interface modules and god-objects are explicitly forbidden.
    A class with more than ``max-methods`` (default 20) methods, or a module
    longer than ``max-module-lines`` (default 600) lines, carries too many
    responsibilities to test and review; split it. Overloads and property
    accessors sharing a name count once. The module finding points at line 1.
    """

    CODE = "SP709"
    NAME = "god-object"
    MESSAGE = "{what} has {count} {unit} (max {limit})"
    FIX_HINT = "Split it into smaller, focused classes or modules"
    RULESET_REF = "1"
    VALID: ClassVar[tuple[Valid, ...]] = (Valid(_sample_class(SAMPLE_METHODS - 1)),)
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(_sample_class(SAMPLE_METHODS), line=4),
    )

    @visits(cst.Module)
    def check_module(self, node: cst.Module) -> None:
        """Report a module longer than the limit.

        Args:
            node: The module.
        """
        limit = self.ctx.options.max_module_lines
        count = self.ctx.line_count
        if count > limit:
            self.report(node, what="Module", count=count, unit="lines", limit=limit)

    @visits(cst.ClassDef)
    def check_class(self, node: cst.ClassDef) -> None:
        """Report a class with more methods than the limit.

        Args:
            node: The class.
        """
        limit = self.ctx.options.max_methods
        count = len(_method_names(node))
        if count > limit:
            self.report(
                node,
                what=f"Class '{node.name.value}'",
                count=count,
                unit="methods",
                limit=limit,
            )
