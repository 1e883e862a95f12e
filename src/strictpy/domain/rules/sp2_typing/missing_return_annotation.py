"""SP202 missing-return-annotation: a ``def`` without a return annotation."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["MissingReturnAnnotation"]


class MissingReturnAnnotation(FileRule):
    """Flags a function without a return annotation, ``__init__`` included.

    Ruleset 3.1: all return values must be type-hinted. A function that returns
    nothing says ``-> None``; without it a type checker treats the function as
    untyped and stops checking its callers.
    """

    CODE = "SP202"
    NAME = "missing-return-annotation"
    MESSAGE = "Function '{name}' has no return annotation"
    FIX_HINT = "Add the return type ('-> None' when nothing is returned)"
    RULESET_REF = "3.1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid('"""A module."""\n\n\nasync def ping() -> None:\n    """Ping."""\n'),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\nclass Cart:\n    """A cart."""\n\n    @staticmethod\n'
            '    def __init__(size: int):\n        """Create."""\n',
            line=8,
            expected_fix='"""A module."""\n\n\nclass Cart:\n    """A cart."""\n\n'
            '    @staticmethod\n    def __init__(size: int) -> None:\n        """Create."""\n',
        ),
    )

    @visits(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report a function whose signature has no ``->``.

        Args:
            node: The function.
        """
        if node.returns is None:
            self.report(node, name=node.name.value)
