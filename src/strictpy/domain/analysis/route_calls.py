"""Small readers of call syntax for the facts: routes, prefixes, ``__main__`` guards.

FastAPI and Flask declare routes with decorators (``@app.get("/health")``,
``@bp.route("/health", methods=["GET"])``) or calls (``add_api_route``,
``add_url_rule``), and compose routers with ``include_router(prefix=...)`` /
``register_blueprint(url_prefix=...)``. These helpers read the literal parts of
such calls; the fact collector decides which calls to read.
"""

from __future__ import annotations

import re

import libcst as cst

from strictpy.domain.analysis.class_fields import string_value
from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.facts import ANY_METHOD

__all__ = [
    "DOTTED_REFERENCE",
    "call_keyword",
    "first_positional",
    "is_main_guard",
    "literal_strings",
    "route_methods",
]

# A methods list that is not a literal: any method may be meant.
METHOD_DECORATORS = frozenset({"get", "head", "post", "put", "delete", "patch"})
DOTTED_REFERENCE = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")


def literal_strings(node: cst.BaseExpression) -> tuple[str, ...] | None:
    """Return the strings of a list, tuple or set display of string literals.

    Args:
        node: An expression.

    Returns:
        The strings, or None when the expression is not such a display.
    """
    if not isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return None
    values: list[str] = []
    for element in node.elements:
        value = string_value(element.value)
        if value is None:
            return None
        values.append(value)
    return tuple(values)


def call_keyword(node: cst.Call, *names: str) -> cst.BaseExpression | None:
    """Return the value of the first of some keyword arguments of a call.

    Args:
        node: The call.
        *names: Keyword names, in order of preference.

    Returns:
        The keyword's value expression, or None.
    """
    for name in names:
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == name:
                return arg.value
    return None


def first_positional(node: cst.Call) -> cst.BaseExpression | None:
    """Return the first positional argument of a call.

    Args:
        node: The call.

    Returns:
        The argument's expression, or None.
    """
    for arg in node.args:
        if arg.keyword is None and not arg.star:
            return arg.value
    return None


def route_methods(method: str, node: cst.Call) -> tuple[str, ...]:
    """Return the HTTP methods a route declaration names.

    Args:
        method: The decorator or method name (``get``, ``route``, ``api_route``,
            ``add_api_route``, ``add_url_rule``).
        node: The call.

    Returns:
        ``("GET",)`` for ``get`` and the like; for the generic forms the
        ``methods=`` literal upper-cased, empty (framework default: GET) when
        absent, or ``(ANY_METHOD,)`` when it is not a literal.
    """
    if method in METHOD_DECORATORS:
        return (method.upper(),)
    value = call_keyword(node, "methods")
    if value is None:
        return ()
    names = literal_strings(value)
    if names is None:
        return (ANY_METHOD,)
    return tuple(name.upper() for name in names)


def is_main_guard(test: cst.BaseExpression) -> bool:
    """Tell whether an ``if`` test is ``__name__ == "__main__"`` (either order).

    Args:
        test: The ``if`` statement's test.

    Returns:
        True for the main guard.
    """
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    target = test.comparisons[0]
    if not isinstance(target.operator, cst.Equal):
        return False
    sides = (test.left, target.comparator)
    names = {dotted_name(side) for side in sides}
    strings = {string_value(side) for side in sides}
    return "__name__" in names and "__main__" in strings
