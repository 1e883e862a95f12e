"""SP403 swallowed-exception: an ``except`` body that only passes or continues."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["SwallowedException"]


def _is_silent(statement: cst.BaseStatement | cst.BaseSmallStatement) -> bool:
    """Tell whether a statement does nothing with the exception.

    Args:
        statement: A statement of the handler's body.

    Returns:
        True for ``pass``, ``...`` and ``continue`` (and lines of only those).
    """
    if isinstance(statement, cst.SimpleStatementLine):
        return all(_is_silent(small) for small in statement.body)
    if isinstance(statement, (cst.Pass, cst.Continue)):
        return True
    return isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Ellipsis)


class SwallowedException(FileRule):
    """Flags an ``except`` whose body is only ``pass``, ``...`` or ``continue``.

    Ruleset 7.1: never silently swallow exceptions with empty ``except`` blocks.
    An error that vanishes without a log line, a fallback value or a re-raise
    hides failures; handle it, log it, or let it propagate. A comment next to
    the ``pass`` does not handle anything.
    """

    CODE = "SP403"
    NAME = "swallowed-exception"
    MESSAGE = "The exception is swallowed: the handler only does '{body}'"
    FIX_HINT = "Handle, log or re-raise the exception"
    RULESET_REF = "7.1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\n'
            'def close(handle: object) -> None:\n    """Close.\n\n    Args:\n'
            '        handle: The handle.\n    """\n    try:\n        handle.close()\n'
            "    except OSError:\n"
            '        logger.warning("close failed", exc_info=True)\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef close(handle: object) -> None:\n    """Close.\n\n'
            '    Args:\n        handle: The handle.\n    """\n    try:\n'
            "        handle.close()\n    except OSError:\n        pass\n",
            line=12,
        ),
    )

    @visits(cst.ExceptHandler, cst.ExceptStarHandler)
    def check(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        """Report a handler whose body does nothing.

        Args:
            node: The except clause.
        """
        statements: tuple[cst.BaseStatement | cst.BaseSmallStatement, ...] = tuple(
            node.body.body
        )
        if statements and all(_is_silent(statement) for statement in statements):
            self.report(node, body=_describe(statements))


def _describe(
    statements: tuple[cst.BaseStatement | cst.BaseSmallStatement, ...],
) -> str:
    """Name what a silent body does, for the message.

    Args:
        statements: The silent statements.

    Returns:
        ``pass``, ``...`` or ``continue`` (the first one).
    """
    first = statements[0]
    if isinstance(first, cst.SimpleStatementLine):
        first = first.body[0]
    if isinstance(first, cst.Continue):
        return "continue"
    if isinstance(first, cst.Expr):
        return "..."
    return "pass"
