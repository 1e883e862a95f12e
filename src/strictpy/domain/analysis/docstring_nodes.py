"""Finding docstrings where Python does: the first statement's plain string literal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.string_literals import literal_value

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["docstring_node", "docstring_text"]

type DocstringOwner = cst.Module | cst.FunctionDef | cst.ClassDef


def docstring_node(
    owner: DocstringOwner,
) -> cst.SimpleString | cst.ConcatenatedString | None:
    """Return the string literal that is an owner's docstring.

    An f-string is never a docstring, exactly as for the interpreter.

    Args:
        owner: A module, function or class.

    Returns:
        The literal node, or None when there is no docstring.
    """
    # Exact type tests: libcst's classes are abstract-based, and ``isinstance``
    # with one that does not match costs several times more; this runs for
    # every function, class and module, several times.
    body = owner.body
    if type(body) is cst.IndentedBlock:
        statements: Sequence[cst.CSTNode] = body.body
    elif type(body) is cst.SimpleStatementSuite:
        statements = (body,)
    else:
        statements = body
    if not statements:
        return None
    first = statements[0]
    if (
        type(first) is cst.SimpleStatementLine
        or type(first) is cst.SimpleStatementSuite
    ):
        small: Sequence[cst.BaseSmallStatement] = first.body
    else:
        return None
    if not small or type(small[0]) is not cst.Expr:
        return None
    value = small[0].value
    if type(value) is cst.SimpleString:
        return value
    if type(value) is cst.ConcatenatedString and _all_plain(value):
        return value
    return None


def _all_plain(node: cst.ConcatenatedString) -> bool:
    """Tell whether a concatenation holds only plain (non-f) string literals.

    Args:
        node: The concatenated string.

    Returns:
        True when every part is a simple string.
    """
    parts: list[cst.BaseString] = [node.left, node.right]
    while parts:
        part = parts.pop()
        if isinstance(part, cst.ConcatenatedString):
            parts.extend((part.left, part.right))
        elif not isinstance(part, cst.SimpleString):
            return False
    return True


def docstring_text(node: cst.SimpleString | cst.ConcatenatedString) -> str | None:
    """Return a docstring's value as text.

    Args:
        node: The docstring literal.

    Returns:
        The string's value, or None for a bytes literal.
    """
    value = literal_value(node)
    return value if isinstance(value, str) else None
