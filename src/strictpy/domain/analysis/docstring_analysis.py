"""Per-file docstring analysis shared by the SP3 rules, riding the single walk.

Ten docstring rules read the same docstrings and the same facts about each
function. The engine creates this analysis once per file when a selected rule
declares it (``FileRule.ANALYSES``) and puts it on the walk before the rules, so:

- each docstring is parsed at most once per file, on first request, and the parse
  lives in this object, which dies with the file;
- each function's facts (does it return a value, yield, which exceptions does it
  raise) are collected once, while the walk is inside that function. Nested
  functions, classes and lambdas open their own frame, so their statements never
  count for the enclosing function. Rules read a function's facts in a
  ``@leaves(cst.FunctionDef)`` handler, which runs before this analysis pops the
  frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.definitions import has_decorator
from strictpy.domain.analysis.docstring_nodes import docstring_node, docstring_text
from strictpy.domain.analysis.google_docstrings import parse_docstring
from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.walker import Visitor, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext
    from strictpy.domain.analysis.google_docstrings import ParsedDocstring

__all__ = [
    "Docstring",
    "DocstringAnalysis",
    "FunctionFacts",
    "docstring_value",
    "is_abstract",
    "is_overload",
    "is_property",
    "is_stub_body",
    "raised_name",
    "returns_none",
]

PROPERTY_DECORATORS = ("property", "cached_property", "abstractproperty")


@dataclass(frozen=True, slots=True)
class Docstring:
    """A docstring with its literal and its parse.

    Attributes:
        node: The string literal (reports on the docstring point at it).
        text: The docstring's value.
        parsed: The Google-style parse.
    """

    node: cst.SimpleString | cst.ConcatenatedString
    text: str
    parsed: ParsedDocstring


class FunctionFacts:
    """What a function's own body does, collected while the walk is inside it.

    Attributes:
        node: The function.
        returns_value: Whether some ``return`` gives a value other than ``None``.
        yields: Whether the function is a generator.
        raised: Raised exception names as written, in order, with repeats.
        caught: Names bound by the function's ``except ... as name`` clauses.
        overload: Whether the function is an ``@overload`` signature.
    """

    __slots__ = ("caught", "node", "overload", "raised", "returns_value", "yields")

    def __init__(self, node: cst.FunctionDef) -> None:
        """Start with nothing seen.

        Args:
            node: The function being entered.
        """
        self.node = node
        self.returns_value = False
        self.yields = False
        self.raised: list[tuple[str, cst.Raise]] = []
        self.caught: set[str] = set()
        self.overload = is_overload(node)


def docstring_value(node: cst.SimpleString | cst.ConcatenatedString) -> str | None:
    """Return a docstring literal's value, skipping evaluation when it is plain.

    Most docstrings hold no backslash: their value is their source text, and
    ``ast.literal_eval`` (libcst's ``evaluated_value``) is not needed.

    Args:
        node: The docstring literal.

    Returns:
        The value, or None for a bytes literal.
    """
    if isinstance(node, cst.SimpleString):
        prefix = node.prefix.lower()
        if "b" in prefix:
            return None
        raw = node.raw_value
        if "r" in prefix or "\\" not in raw:
            return raw
    return docstring_text(node)


def raised_name(expression: cst.BaseExpression) -> str | None:
    """Return the exception name of a ``raise`` expression, as written.

    ``raise errors.NotFound(...)`` and ``raise errors.NotFound`` both give
    ``errors.NotFound``; ``raise Error(...).with_traceback(tb)`` gives ``Error``.

    Args:
        expression: The expression after ``raise``.

    Returns:
        The dotted name, or None when the expression is not a name or a call.
    """
    while isinstance(expression, cst.Call):
        function = expression.func
        if isinstance(function, cst.Attribute) and isinstance(function.value, cst.Call):
            expression = function.value
            continue
        expression = function
    return dotted_name(expression)


def is_overload(node: cst.FunctionDef) -> bool:
    """Tell whether a function is an ``@overload`` signature.

    Args:
        node: The function.

    Returns:
        True for ``@overload``, ``@typing.overload`` and aliases of the module.
    """
    return has_decorator(node, None, "overload")


def is_property(node: cst.FunctionDef) -> bool:
    """Tell whether a function is a property getter.

    Args:
        node: The function.

    Returns:
        True for ``@property`` and ``@cached_property`` (any module prefix).
    """
    return has_decorator(node, None, *PROPERTY_DECORATORS)


def is_abstract(node: cst.FunctionDef) -> bool:
    """Tell whether a function is an ``@abstractmethod``.

    Args:
        node: The function.

    Returns:
        True when decorated ``abstractmethod`` (any module prefix).
    """
    return has_decorator(node, None, "abstractmethod")


def returns_none(node: cst.FunctionDef) -> bool:
    """Tell whether a function is annotated ``-> None``.

    Args:
        node: The function.

    Returns:
        True when the return annotation is ``None``.
    """
    annotation = node.returns.annotation if node.returns is not None else None
    return isinstance(annotation, cst.Name) and annotation.value == "None"


def _is_stub_statement(statement: cst.BaseSmallStatement) -> bool:
    """Tell whether a small statement is a docstring, ``...`` or ``pass``.

    Args:
        statement: A small statement.

    Returns:
        True for the statements a stub body may hold.
    """
    if isinstance(statement, cst.Pass):
        return True
    return isinstance(statement, cst.Expr) and isinstance(
        statement.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)
    )


def is_stub_body(node: cst.FunctionDef) -> bool:
    """Tell whether a function's body only documents it (Protocol members, stubs).

    Args:
        node: The function.

    Returns:
        True when the body holds nothing but a docstring, ``...`` or ``pass``.
    """
    body = node.body
    if isinstance(body, cst.SimpleStatementSuite):
        return all(_is_stub_statement(statement) for statement in body.body)
    for line in body.body:
        if not isinstance(line, cst.SimpleStatementLine):
            return False
        if not all(_is_stub_statement(statement) for statement in line.body):
            return False
    return True


class DocstringAnalysis(Visitor):
    """Parses docstrings on request and collects each function's own facts."""

    def __init__(self, ctx: FileContext) -> None:
        """Start a file with no parse and no open function.

        Args:
            ctx: The file's context.
        """
        self._ctx = ctx
        self._docstrings: dict[cst.CSTNode, Docstring | None] = {}
        self._frames: list[FunctionFacts | None] = []

    def docstring(
        self, owner: cst.Module | cst.ClassDef | cst.FunctionDef
    ) -> Docstring | None:
        """Return an owner's docstring, parsed once per file.

        Args:
            owner: A module, class or function.

        Returns:
            The docstring, or None when the owner has none (a bytes literal or an
            f-string is no docstring, as for the interpreter).
        """
        if owner in self._docstrings:
            return self._docstrings[owner]
        literal = docstring_node(owner)
        text = docstring_value(literal) if literal is not None else None
        found = (
            Docstring(literal, text, parse_docstring(text))
            if literal is not None and text is not None
            else None
        )
        self._docstrings[owner] = found
        return found

    @property
    def current(self) -> FunctionFacts | None:
        """The facts of the function whose own body the walk is in.

        Returns:
            The innermost open function's facts, or None inside a class body, a
            lambda or at module level.
        """
        return self._frames[-1] if self._frames else None

    @visits(cst.FunctionDef)
    def enter_function(self, node: cst.FunctionDef) -> None:
        """Open a frame for a function.

        Args:
            node: The function.
        """
        self._frames.append(FunctionFacts(node))

    @visits(cst.ClassDef, cst.Lambda)
    def enter_barrier(self, node: cst.ClassDef | cst.Lambda) -> None:
        """Open an empty frame: a class body or lambda is not the function's body.

        Args:
            node: The class or lambda.
        """
        del node
        self._frames.append(None)

    @leaves(cst.FunctionDef, cst.ClassDef, cst.Lambda)
    def leave_scope(self, node: cst.CSTNode) -> None:
        """Close the innermost frame.

        Args:
            node: The function, class or lambda being left.
        """
        del node
        self._frames.pop()

    @visits(cst.Return)
    def on_return(self, node: cst.Return) -> None:
        """Record a ``return`` with a value other than ``None``.

        Args:
            node: The return statement.
        """
        facts = self.current
        value = node.value
        if facts is None or value is None:
            return
        if isinstance(value, cst.Name) and value.value == "None":
            return
        facts.returns_value = True

    @visits(cst.Yield)
    def on_yield(self, node: cst.Yield) -> None:
        """Record that the function is a generator.

        Args:
            node: The yield expression.
        """
        del node
        facts = self.current
        if facts is not None:
            facts.yields = True

    @visits(cst.ExceptHandler, cst.ExceptStarHandler)
    def on_handler(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        """Record the name an ``except ... as name`` clause binds.

        Args:
            node: The except clause.
        """
        facts = self.current
        if facts is None or node.name is None:
            return
        if isinstance(node.name.name, cst.Name):
            facts.caught.add(node.name.name.value)

    @visits(cst.Raise)
    def on_raise(self, node: cst.Raise) -> None:
        """Record the name of a raised exception (a bare ``raise`` has none).

        Args:
            node: The raise statement.
        """
        facts = self.current
        if facts is None or node.exc is None:
            return
        name = raised_name(node.exc)
        if name is not None:
            facts.raised.append((name, node))
