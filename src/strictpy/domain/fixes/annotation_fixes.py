"""SP202's fix: ``-> None`` on functions that return nothing.

Safe where the body proves it: ``__init__``, and functions whose own body has
no ``return <value>`` and no ``yield`` (a generator returns a generator, not
``None``). Stubs are left alone: an abstract method, an ``@overload``, or a body
that is only a docstring, ``pass``, ``...`` or ``raise NotImplementedError``
declares an interface whose real return type the body does not show.
"""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.names import dotted_name

__all__ = ["STUB_DECORATORS", "returns_nothing", "with_none_return"]

STUB_DECORATORS = frozenset({"abstractmethod", "overload", "abstractproperty"})


def _is_docstring(statement: cst.BaseSmallStatement) -> bool:
    """Tell whether a small statement is a bare string (a docstring).

    Args:
        statement: The statement.

    Returns:
        True for an expression statement holding a string literal.
    """
    return isinstance(statement, cst.Expr) and isinstance(
        statement.value, (cst.SimpleString, cst.ConcatenatedString)
    )


def _is_placeholder(statement: cst.BaseSmallStatement) -> bool:
    """Tell whether a small statement only stands in for a body.

    Args:
        statement: The statement.

    Returns:
        True for ``pass``, ``...`` and ``raise NotImplementedError[(...)]``.
    """
    if isinstance(statement, cst.Pass):
        return True
    if isinstance(statement, cst.Expr):
        return isinstance(statement.value, cst.Ellipsis)
    if isinstance(statement, cst.Raise) and statement.exc is not None:
        raised = statement.exc
        if isinstance(raised, cst.Call):
            raised = raised.func
        return dotted_name(raised) == "NotImplementedError"
    return False


def _is_stub(node: cst.FunctionDef) -> bool:
    """Tell whether a function only declares an interface.

    Args:
        node: The function.

    Returns:
        True for stub decorators or a body of docstring and placeholders only.
    """
    for decorator in node.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        if (dotted_name(expression) or "").rsplit(".", 1)[-1] in STUB_DECORATORS:
            return True
    body = node.body
    lines = (
        list(body.body)
        if isinstance(body, cst.IndentedBlock)
        else [cst.SimpleStatementLine(body=body.body)]
    )
    smalls: list[cst.BaseSmallStatement] = []
    for line in lines:
        if not isinstance(line, cst.SimpleStatementLine):
            return False
        smalls.extend(line.body)
    if smalls and _is_docstring(smalls[0]):
        smalls = smalls[1:]
    return all(_is_placeholder(small) for small in smalls)


def returns_nothing(
    node: cst.FunctionDef, *, returns_value: bool, yields: bool
) -> bool:
    """Tell whether ``-> None`` is certainly the right annotation.

    Args:
        node: The function, without a return annotation.
        returns_value: Its own body has a ``return <value>``.
        yields: Its own body has a ``yield``.

    Returns:
        True when the annotation may be added.
    """
    if node.returns is not None or returns_value or yields:
        return False
    return node.name.value == "__init__" or not _is_stub(node)


def with_none_return(node: cst.FunctionDef) -> cst.FunctionDef:
    """Add ``-> None`` to a function.

    Args:
        node: The function.

    Returns:
        The annotated function.
    """
    return node.with_changes(returns=cst.Annotation(annotation=cst.Name("None")))
