"""Finding docstrings where Python does: the first statement's plain string literal."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.string_literals import literal_value

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
    body = owner.body
    if isinstance(body, cst.IndentedBlock):
        statements = body.body
    elif isinstance(body, cst.SimpleStatementSuite):
        statements = (body,)
    else:
        statements = body
    if not statements:
        return None
    first = statements[0]
    small = (
        first.body
        if isinstance(first, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
        else ()
    )
    if not small or not isinstance(small[0], cst.Expr):
        return None
    value = small[0].value
    if isinstance(value, cst.SimpleString):
        return value
    if isinstance(value, cst.ConcatenatedString) and _all_plain(value):
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
