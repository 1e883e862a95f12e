"""String literals without recursion: implicit concatenations nest thousands deep.

``'a' 'b' 'c'`` parses as nested ``ConcatenatedString`` nodes, one level per
part; a large generated module (``pydoc_data/topics.py``) nests them deeper
than Python's recursion limit, so libcst's own ``evaluated_value`` fails there.
These helpers walk the parts iteratively.
"""

from __future__ import annotations

import libcst as cst

__all__ = ["is_constant_string", "literal_value", "string_parts"]

type StringPart = cst.SimpleString | cst.FormattedString


def string_parts(node: cst.ConcatenatedString) -> list[StringPart]:
    """Return the parts of an implicit concatenation, left to right.

    Args:
        node: The concatenation.

    Returns:
        Its simple strings and f-strings in source order.
    """
    parts: list[StringPart] = []
    current: cst.BaseString = node
    while isinstance(current, cst.ConcatenatedString):
        left = current.left
        if isinstance(left, cst.ConcatenatedString):
            parts.extend(string_parts(left))
        elif isinstance(left, (cst.SimpleString, cst.FormattedString)):
            parts.append(left)
        current = current.right
    if isinstance(current, (cst.SimpleString, cst.FormattedString)):
        parts.append(current)
    return parts


def _is_constant_fstring(node: cst.FormattedString) -> bool:
    """Tell whether an f-string has no placeholder.

    Args:
        node: The f-string.

    Returns:
        True when every part is plain text.
    """
    return all(isinstance(part, cst.FormattedStringText) for part in node.parts)


def literal_value(node: cst.BaseExpression | None) -> str | bytes | None:
    """Return the value of a string or bytes literal, concatenations included.

    Args:
        node: An expression.

    Returns:
        The value, or None for anything but a constant literal (an f-string
        with placeholders, a mix of bytes and text, any other expression).
    """
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value
    if isinstance(node, cst.FormattedString):
        parts = [node]
    elif isinstance(node, cst.ConcatenatedString):
        parts = string_parts(node)
    else:
        return None
    values: list[str | bytes | None] = []
    for part in parts:
        if isinstance(part, cst.SimpleString):
            values.append(part.evaluated_value)
        elif _is_constant_fstring(part):
            values.append(
                "".join(
                    text.value
                    for text in part.parts
                    if isinstance(text, cst.FormattedStringText)
                )
            )
        else:
            return None
    texts = [value for value in values if isinstance(value, str)]
    blobs = [value for value in values if isinstance(value, bytes)]
    if len(texts) == len(values):
        return "".join(texts)
    return b"".join(blobs) if len(blobs) == len(values) else None


def is_constant_string(node: cst.BaseExpression) -> bool:
    """Tell whether an expression is a constant string built from literals only.

    Args:
        node: An expression.

    Returns:
        True for literals, placeholder-free f-strings, implicit concatenations
        of those, and ``+`` chains of those.
    """
    pending: list[cst.BaseExpression] = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.SimpleString):
            continue
        if isinstance(current, cst.FormattedString):
            if not _is_constant_fstring(current):
                return False
        elif isinstance(current, cst.ConcatenatedString):
            pending.extend(string_parts(current))
        elif isinstance(current, cst.BinaryOperation) and isinstance(
            current.operator, cst.Add
        ):
            pending.extend((current.left, current.right))
        else:
            return False
    return True
