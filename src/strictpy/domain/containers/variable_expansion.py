"""``$NAME`` / ``${NAME:-default}`` expansion as BuildKit and compose perform it.

BuildKit expands build arguments in ``FROM`` and ``COPY --from``; compose
interpolates ``${VAR:-default}`` in any value. Both accept the same operators
(``:-``, ``-``, ``:+``, ``+``, ``:?``, ``?``); they differ in escaping (``\\$``
in a Dockerfile, ``$$`` in compose). Pattern operators such as ``${VAR#x}`` are
rare in the places strictpy reads and expand to the variable's plain value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["expand_variables"]

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
OPERATORS = (":-", ":+", ":?", "-", "+", "?")


def _closing_brace(text: str, start: int) -> int:
    """Return the index of the ``}`` closing a ``${`` whose body starts at ``start``.

    Args:
        text: The whole text.
        start: The index just after ``${``.

    Returns:
        The index of the matching brace, or -1 when it is missing.
    """
    depth = 1
    index = start
    while index < len(text):
        if text.startswith("${", index):
            depth += 1
            index += 2
            continue
        if text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _expand_braced(
    body: str, values: Mapping[str, str], missing: str, *, compose: bool
) -> str:
    """Expand the body of one ``${...}`` reference.

    Args:
        body: The text between the braces.
        values: Known variables.
        missing: The text an unset variable expands to.
        compose: Whether compose escaping (``$$``) applies.

    Returns:
        The expansion.
    """
    match = NAME.match(body)
    if match is None:
        return missing
    name = match[0]
    rest = body[match.end() :]
    value = values.get(name)
    operator = next((op for op in OPERATORS if rest.startswith(op)), "")
    if not operator:
        return value if value is not None else missing
    word = expand_variables(
        rest[len(operator) :], values, missing=missing, compose=compose
    )
    is_set = value is not None and (bool(value) or not operator.startswith(":"))
    if operator.endswith("-"):
        return value if is_set and value is not None else word
    if operator.endswith("+"):
        return word if is_set else ""
    return value if is_set and value is not None else missing


def expand_variables(
    text: str,
    values: Mapping[str, str],
    *,
    missing: str = "",
    compose: bool = False,
) -> str:
    """Expand variable references in a text.

    Args:
        text: The text to expand.
        values: Known variables (build-argument defaults, for instance).
        missing: What an unknown variable expands to (BuildKit: empty).
        compose: Use compose escaping (``$$``) instead of Dockerfile's ``\\$``.

    Returns:
        The expanded text.
    """
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if compose and text.startswith("$$", index):
            out.append("$")
            index += 2
            continue
        if not compose and text.startswith("\\$", index):
            out.append("$")
            index += 2
            continue
        if char != "$":
            out.append(char)
            index += 1
            continue
        if text.startswith("${", index):
            end = _closing_brace(text, index + 2)
            if end < 0:
                out.append(text[index:])
                break
            body = text[index + 2 : end]
            out.append(_expand_braced(body, values, missing, compose=compose))
            index = end + 1
            continue
        match = NAME.match(text, index + 1)
        if match is None:
            out.append(char)
            index += 1
            continue
        out.append(values.get(match[0], missing))
        index = match.end()
    return "".join(out)
