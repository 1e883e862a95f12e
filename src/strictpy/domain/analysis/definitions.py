"""Questions rules ask about functions: which one encloses a node, how it is decorated."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from strictpy.domain.analysis.names import NameResolver

__all__ = [
    "all_params",
    "decorator_names",
    "enclosing_function",
    "has_decorator",
    "is_method",
]


def enclosing_function(
    ancestors: Sequence[cst.CSTNode], *, stop_at_lambda: bool = False
) -> cst.FunctionDef | None:
    """Return the innermost function around the current node.

    Args:
        ancestors: The walk's ancestors, outermost first.
        stop_at_lambda: Return None when a lambda is closer than any def.

    Returns:
        The function definition, or None at module or class level.
    """
    for node in reversed(ancestors):
        if isinstance(node, cst.FunctionDef):
            return node
        if isinstance(node, cst.ClassDef) or (
            stop_at_lambda and isinstance(node, cst.Lambda)
        ):
            return None
    return None


def decorator_names(
    node: cst.FunctionDef | cst.ClassDef, names: NameResolver | None
) -> frozenset[str]:
    """Return the decorators' names, both qualified and as their last segment.

    Args:
        node: The decorated definition.
        names: Name resolution, when available.

    Returns:
        Names such as ``abc.abstractmethod`` and ``abstractmethod``.
    """
    found: set[str] = set()
    for decorator in node.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        text = dotted_name(expression)
        if text is None:
            continue
        found.add(text)
        found.add(text.rsplit(".", 1)[-1])
        resolved = names.qualified_name(expression) if names is not None else None
        if resolved:
            found.add(resolved)
    return frozenset(found)


def has_decorator(
    node: cst.FunctionDef | cst.ClassDef, names: NameResolver | None, *wanted: str
) -> bool:
    """Tell whether a definition carries one of the given decorators.

    Args:
        node: The decorated definition.
        names: Name resolution, when available.
        *wanted: Decorator names (``overload``, ``typing.overload``...).

    Returns:
        True when some decorator matches.
    """
    present = decorator_names(node, names)
    return any(name in present for name in wanted)


def is_method(ancestors: Sequence[cst.CSTNode]) -> bool:
    """Tell whether the function being visited is defined directly in a class body.

    Args:
        ancestors: The ancestors of the ``FunctionDef`` being visited.

    Returns:
        True for a method.
    """
    return (
        len(ancestors) >= 2  # noqa: PLR2004 - the class and its body block
        and isinstance(ancestors[-2], cst.ClassDef)
        and isinstance(ancestors[-1], (cst.IndentedBlock, cst.SimpleStatementSuite))
    )


def all_params(params: cst.Parameters) -> list[cst.Param]:
    """Return every parameter of a signature in source order.

    Args:
        params: The signature.

    Returns:
        Positional-only, regular, ``*args``, keyword-only and ``**kwargs``.
    """
    ordered: list[cst.Param] = [*params.posonly_params, *params.params]
    if isinstance(params.star_arg, cst.Param):
        ordered.append(params.star_arg)
    ordered.extend(params.kwonly_params)
    if params.star_kwarg is not None:
        ordered.append(params.star_kwarg)
    return ordered
