"""SP102 pass-statement: ``pass`` used as a placeholder body."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["PassStatement"]


class PassStatement(FileRule):
    """Flags every ``pass`` statement.

    The ruleset's zero-tolerance directive 1 names ``pass`` as a forbidden
    placeholder. A class or function that really has nothing to do says so
    with its docstring, which is also a valid body; an ``except`` that does
    nothing is a swallowed error (SP403).
    """

    CODE = "SP102"
    NAME = "pass-statement"
    MESSAGE = "'pass' is a placeholder body"
    FIX_HINT = "Replace 'pass' with the real body, or keep only the docstring"
    RULESET_REF = "Zero tolerance 1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\nclass Empty:\n    """Marker type."""\n\n\nWORD = "pass"\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\nclass Empty:\n    """Marker type."""\n\n    pass\n',
            line=7,
            expected_fix='"""A module."""\n\n\nclass Empty:\n    """Marker type."""\n',
        ),
    )

    @visits(cst.Pass)
    def check(self, node: cst.Pass) -> None:
        """Report a ``pass`` statement.

        Args:
            node: The statement.
        """
        self.report(node)
