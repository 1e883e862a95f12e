"""SP201 missing-param-annotation: a parameter without a type annotation."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import all_params, has_decorator, is_method
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["MissingParamAnnotation", "checked_params"]


def checked_params(
    node: cst.FunctionDef, *, method: bool, static: bool
) -> list[cst.Param]:
    """Return the parameters that must be annotated (and documented).

    The first parameter of a method (``self``, ``cls``, whatever its name) is
    exempt unless the method is a ``@staticmethod``.

    Args:
        node: The function.
        method: Whether it is defined directly in a class body.
        static: Whether it is a ``@staticmethod``.

    Returns:
        The parameters in source order.
    """
    params = all_params(node.params)
    positional = [*node.params.posonly_params, *node.params.params]
    if method and not static and positional:
        params = [param for param in params if param is not positional[0]]
    return params


class MissingParamAnnotation(FileRule):
    """Flags a function parameter without a type annotation.

    Ruleset 3.1: all function arguments must be type-hinted. ``*args`` and
    ``**kwargs`` are parameters too. The first parameter of a method is exempt
    (its type is the class), except on a ``@staticmethod``; lambdas are exempt.
    """

    CODE = "SP201"
    NAME = "missing-param-annotation"
    MESSAGE = "Parameter '{name}' has no type annotation"
    FIX_HINT = "Annotate the parameter with its type"
    RULESET_REF = "3.1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\nclass Cart:\n    """A cart."""\n\n'
            "    def add(self, sku: str, *items: str, **extra: int) -> None:\n"
            '        """Add."""\n\n\nKEY = sorted([1], key=lambda item: item)\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef add(\n    left: int,\n    right,\n) -> int:\n    """Add."""\n    return left + right\n',
            line=6,
        ),
    )

    @visits(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report each unannotated parameter at its own line.

        Args:
            node: The function.
        """
        method = is_method(self.ctx.ancestors)
        static = method and has_decorator(node, self.ctx.names, "staticmethod")
        for param in checked_params(node, method=method, static=static):
            if param.annotation is None:
                self.report(param, name=param.name.value)
