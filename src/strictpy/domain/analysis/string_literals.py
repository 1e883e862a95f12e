"""String literals without recursion: implicit concatenations nest thousands deep.

``'a' 'b' 'c'`` parses as nested ``ConcatenatedString`` nodes, one level per
part; a large generated module (``pydoc_data/topics.py``) nests them deeper
than Python's recursion limit, so libcst's own ``evaluated_value`` fails there.
These helpers walk the parts iteratively.

A simple literal's value is read straight from its text when nothing in it
needs evaluating (no backslash outside a raw string, no carriage return, which
the interpreter turns into ``\n``, no bytes prefix): libcst evaluates every
literal with ``ast.literal_eval``, which compiles it, and docstrings are read
for every definition.
"""

from __future__ import annotations

import libcst as cst

__all__ = ["is_constant_string", "literal_value", "simple_string_value", "string_parts"]

# Prefixes whose literal's value is the text between its quotes when it holds
# no backslash (any backslash, for ``r``, is kept as written).
TEXT_PREFIXES = frozenset({"", "u", "r"})

type StringPart = cst.SimpleString | cst.FormattedString


def simple_string_value(node: cst.SimpleString) -> str | bytes:
    """Return a simple literal's value, without compiling it when possible.

    Args:
        node: The literal.

    Returns:
        The value, exactly as ``node.evaluated_value`` gives it.
    """
    text = node.value
    prefix = node.prefix
    if (
        prefix in TEXT_PREFIXES
        and "\r" not in text
        and (prefix == "r" or "\\" not in text)
    ):
        quote = len(node.quote)
        return text[len(prefix) + quote : len(text) - quote]
    return node.evaluated_value


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
        return simple_string_value(node)
    if isinstance(node, cst.FormattedString):
        parts = [node]
    elif isinstance(node, cst.ConcatenatedString):
        parts = string_parts(node)
    else:
        return None
    values: list[str | bytes | None] = []
    for part in parts:
        if isinstance(part, cst.SimpleString):
            values.append(simple_string_value(part))
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
