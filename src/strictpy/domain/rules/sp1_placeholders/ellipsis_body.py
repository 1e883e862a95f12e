"""SP103 ellipsis-body: ``...`` as a statement."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import enclosing_function, has_decorator
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["EllipsisBody"]


class EllipsisBody(FileRule):
    """Flags an expression statement that is only ``...``.

    The ruleset's zero-tolerance directive 1 forbids ``... rest of code``
    placeholders; a lone ``...`` body is the same thing in code. ``...`` used as
    a value (``Field(...)``, ``tuple[int, ...]``) is not a statement and passes.
    Stub files (``.pyi``) and ``@overload`` signatures need ``...`` and are exempt.
    """

    CODE = "SP103"
    NAME = "ellipsis-body"
    MESSAGE = "'...' used as a placeholder statement"
    FIX_HINT = "Write the real body, or a docstring for an abstract member"
    RULESET_REF = "Zero tolerance 1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid('"""A module."""\n\nPAIR: tuple[int, ...] = (1, 2)\n'),
        Valid(
            '"""A module."""\n\nfrom typing import overload\n\n\n@overload\n'
            "def half(value: int) -> int: ...\n"
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\n\ndef run() -> None:\n    ...\n', line=5),
    )

    @visits(cst.Expr)
    def check(self, node: cst.Expr) -> None:
        """Report ``...`` as a whole statement.

        Args:
            node: An expression statement.
        """
        if not isinstance(node.value, cst.Ellipsis) or self.ctx.info.is_stub:
            return
        function = enclosing_function(self.ctx.ancestors)
        if function is not None and has_decorator(
            function, self.ctx.names, "overload", "typing.overload"
        ):
            return
        self.report(node)
