"""SP401 raise-broad-exception: ``raise Exception`` and ``raise BaseException``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["BROAD_EXCEPTIONS", "RaiseBroadException"]

BROAD_EXCEPTIONS = frozenset({"builtins.Exception", "builtins.BaseException"})


class RaiseBroadException(FileRule):
    """Flags ``raise Exception`` and ``raise BaseException``, called or not.

    Ruleset 7.1: never raise bare ``Exception``; every application error belongs
    to the ``AppError`` hierarchy of ``exceptions.py``. A broad exception cannot
    be caught selectively, so callers end up catching everything. Shadowing
    names (a local class called ``Exception``) are not the builtin.
    """

    CODE = "SP401"
    NAME = "raise-broad-exception"
    MESSAGE = "'raise {name}' raises a broad exception"
    FIX_HINT = "Raise a specific AppError subclass from exceptions.py"
    RULESET_REF = "7.1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom app.exceptions import NotFoundError\n\n\n'
            'def find() -> None:\n    """Find.\n\n    Raises:\n'
            '        NotFoundError: Always.\n    """\n'
            '    raise NotFoundError("user 42")\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef find() -> None:\n    """Find.\n\n    Raises:\n'
            '        Exception: Always.\n    """\n    raise Exception("not found")\n',
            line=10,
        ),
    )

    @visits(cst.Raise)
    def check(self, node: cst.Raise) -> None:
        """Report a raise of a broad builtin exception.

        Args:
            node: The raise statement.
        """
        raised = node.exc
        if isinstance(raised, cst.Call):
            raised = raised.func
        if raised is None or self.ctx.names is None:
            return
        qualified = self.ctx.names.qualified_name(raised)
        if qualified in BROAD_EXCEPTIONS:
            self.report(node, name=qualified.removeprefix("builtins."))
