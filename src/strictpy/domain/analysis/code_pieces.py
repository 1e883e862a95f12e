"""Pieces of a module's code: generated, counted, and paired with ``ast``'s.

The building blocks of ``statement_anchors``: which ``ast`` statement kinds stand
for which libcst kinds, how many lines a piece of libcst's code has (generating
only that piece), how ``ast``'s byte columns read as libcst's character
columns, and which fields of a node may hold nodes worth searching.
"""

from __future__ import annotations

import ast
import re
from contextlib import nullcontext
from dataclasses import dataclass, fields
from functools import cache
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING

import libcst as cst
from libcst._nodes.internal import CodegenState

from strictpy.exceptions import AppError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = [
    "BLOCK_FIELDS",
    "COMPOUND_AST",
    "DECORATED",
    "FOUND_IN_HEADERS",
    "NEWLINE",
    "NO_CHILDREN",
    "SINGLE_BODY",
    "SMALL_AST",
    "VALUED",
    "AnchorError",
    "Columns",
    "GenerationStop",
    "LineCounter",
    "Span",
    "children_getter",
    "clauses_of",
    "first_stop",
    "header_fields",
    "optional",
    "pair_small",
]

NEWLINE = re.compile(r"\r\n?|\n")
_QUIET = nullcontext()
Span = tuple[int, int, int, int]
# libcst kinds paired with the ``ast`` kinds that stand for them.
COMPOUND_AST: Mapping[type[cst.CSTNode], tuple[type[ast.stmt], ...]] = MappingProxyType(
    {
        cst.FunctionDef: (ast.FunctionDef, ast.AsyncFunctionDef),
        cst.ClassDef: (ast.ClassDef,),
        cst.If: (ast.If,),
        cst.For: (ast.For, ast.AsyncFor),
        cst.While: (ast.While,),
        cst.With: (ast.With, ast.AsyncWith),
        cst.Try: (ast.Try,),
        cst.TryStar: (ast.TryStar,),
        cst.Match: (ast.Match,),
    }
)
SMALL_AST: Mapping[type[cst.CSTNode], type[ast.stmt]] = MappingProxyType(
    {
        cst.Pass: ast.Pass,
        cst.Break: ast.Break,
        cst.Continue: ast.Continue,
        cst.Return: ast.Return,
        cst.Expr: ast.Expr,
        cst.Assign: ast.Assign,
        cst.AnnAssign: ast.AnnAssign,
        cst.AugAssign: ast.AugAssign,
        cst.Del: ast.Delete,
        cst.Raise: ast.Raise,
        cst.Assert: ast.Assert,
        cst.Import: ast.Import,
        cst.ImportFrom: ast.ImportFrom,
        cst.Global: ast.Global,
        cst.Nonlocal: ast.Nonlocal,
        cst.TypeAlias: ast.TypeAlias,
    }
)
# Wanted nodes of these kinds are found without looking into simple lines.
FOUND_IN_HEADERS = frozenset(
    {*COMPOUND_AST, cst.ExceptHandler, cst.ExceptStarHandler, cst.Param}
)
# Compound statements and clauses with nothing after their own body.
SINGLE_BODY = frozenset(
    {cst.FunctionDef, cst.ClassDef, cst.With, cst.ExceptHandler, cst.ExceptStarHandler}
)
# Small statements whose ``value`` field is an expression (docstrings, calls).
VALUED = frozenset({cst.Expr, cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return})
# Fields that hold only whitespace, punctuation or operators: never searched.
_TRIVIA_FIELDS = frozenset(
    {
        "asynchronous",
        "colon",
        "comma",
        "dot",
        "empty_lines",
        "equal",
        "first_colon",
        "first_line",
        "footer",
        "header",
        "last_line",
        "lbrace",
        "lbracket",
        "leading_lines",
        "lines_after_decorators",
        "lpar",
        "newline",
        "operator",
        "posonly_ind",
        "rbrace",
        "rbracket",
        "rpar",
        "second_colon",
        "semicolon",
        "separator",
        "trailing_comma",
        "trailing_whitespace",
    }
)
# Decorated statements: their decorators come before their first token.
DECORATED = frozenset({cst.FunctionDef, cst.ClassDef})
# Fields of statements and clauses holding nested statements or clauses.
BLOCK_FIELDS = frozenset({"body", "orelse", "handlers", "finalbody", "cases"})


class AnchorError(AppError):
    """The two parsers disagree, or a node cannot be anchored: generate it all."""


class GenerationStop(AppError):  # noqa: N818 - a signal, not an error
    """Raised inside code generation once the wanted prefix is generated."""


@dataclass
class _CountState(CodegenState):
    """A code-generation state that stops at a chosen point.

    Attributes:
        stop_id: ``id()`` of the node before whose code generation stops.
        start_id: ``id()`` of the node at whose syntactic start generation stops.
    """

    stop_id: int = 0
    start_id: int = 0

    def before_codegen(self, node: cst.CSTNode) -> None:
        """Stop before the chosen node.

        Args:
            node: The node about to be generated.

        Raises:
            GenerationStop: When the node is the chosen one.
        """
        if id(node) == self.stop_id:
            raise GenerationStop

    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> nullcontext[None]:
        """Stop at the chosen node's syntactic start.

        Args:
            node: The node whose syntax is being generated.
            start_node: Unused.
            end_node: Unused.

        Raises:
            GenerationStop: When the node is the chosen one.

        Returns:
            A no-op context manager.
        """
        del start_node, end_node
        if id(node) == self.start_id:
            raise GenerationStop
        return _QUIET


class LineCounter:
    """Counts the lines of pieces of a module's generated code."""

    def __init__(self, module: cst.Module) -> None:
        """Generate as the module does.

        Args:
            module: The libcst module (for its indentation and newline).
        """
        self.default_indent = module.default_indent
        self.default_newline = module.default_newline

    def before(self, node: cst.CSTNode, stop: cst.CSTNode, *, at_start: bool) -> int:
        """Count the newlines a node generates before a point.

        Args:
            node: The statement or clause to generate (not an ``elif``).
            stop: Where to stop: before its code (``at_start`` false) or at
                its syntactic start (``at_start`` true).
            at_start: Which point of ``stop`` ends the count.

        Raises:
            AnchorError: If generation never reached the point.

        Returns:
            The number of newlines generated before the point.
        """
        state = _CountState(
            default_indent=self.default_indent, default_newline=self.default_newline
        )
        if at_start:
            state.start_id = id(stop)
        else:
            state.stop_id = id(stop)
        try:
            node._codegen(state)  # libcst exposes no public entry
        except GenerationStop:
            return len(NEWLINE.findall("".join(state.tokens)))
        raise AnchorError

    def prefix(self, stmt: cst.CSTNode) -> int:
        """Count the lines a statement or clause generates before its first token.

        Args:
            stmt: The statement or clause (it has ``leading_lines``).

        Returns:
            The line count of its leading lines (and decorators).
        """
        lines: Sequence[cst.EmptyLine] = getattr(stmt, "leading_lines", ())
        if type(stmt) in {cst.FunctionDef, cst.ClassDef} and getattr(
            stmt, "decorators", ()
        ):
            return self.before(stmt, stmt, at_start=True)
        if not lines:
            return 0
        if any("\\" in line.whitespace.value for line in lines):
            return self.before(stmt, stmt, at_start=True)
        return len(lines)

    def trailing(self, lines: Sequence[cst.EmptyLine]) -> int:
        """Count the lines of a block's or module's footer.

        Args:
            lines: The footer's empty lines.

        Returns:
            Their line count.
        """
        if not any("\\" in line.whitespace.value for line in lines):
            return len(lines)
        state = CodegenState(
            default_indent=self.default_indent, default_newline=self.default_newline
        )
        for line in lines:
            line._codegen(state)  # libcst exposes no public entry
        return len(NEWLINE.findall("".join(state.tokens)))


class Columns:
    """Converts ``ast`` positions (UTF-8 byte columns) to libcst's (characters)."""

    def __init__(self, text: str) -> None:
        """Prepare to read the source's lines, when some is not ASCII.

        Args:
            text: The source.
        """
        self.text = text
        self.ascii = text.isascii()
        self.lines: list[str] | None = None

    def column(self, line: int, offset: int) -> int:
        """Convert an ``ast`` column (a UTF-8 byte offset) into characters.

        Args:
            line: The 1-based line.
            offset: The byte offset in the line.

        Returns:
            The character offset.
        """
        if self.ascii:
            return offset
        if self.lines is None:
            self.lines = NEWLINE.split(self.text)
        text = self.lines[line - 1]
        if text.isascii():
            return offset
        encoded = text.encode("utf-8", "surrogatepass")
        return len(encoded[:offset].decode("utf-8", "surrogatepass"))

    def statement(self, node: ast.stmt) -> Span:
        """Return a small statement's range.

        Args:
            node: The ``ast`` statement.

        Returns:
            (line, column, end line, end column).
        """
        end_line = node.end_lineno or node.lineno
        return (
            node.lineno,
            self.column(node.lineno, node.col_offset),
            end_line,
            self.column(end_line, node.end_col_offset or 0),
        )

    def param(self, param: cst.Param, arg: ast.arg) -> Span | None:
        """Return a parameter's range: its star and its name.

        Args:
            param: The libcst parameter.
            arg: Its ``ast`` counterpart.

        Raises:
            AnchorError: If the names differ.

        Returns:
            (line, column, end line, end column), or None when its star is
            apart from its name (on another line, say).
        """
        name = param.name.value
        if name != arg.arg:
            raise AnchorError
        start = self.column(arg.lineno, arg.col_offset)
        end = start + len(name)
        star = param.star
        if not isinstance(star, str):
            return None
        if star:
            space = param.whitespace_after_star
            if type(space) is not cst.SimpleWhitespace or "\\" in space.value:
                return None
            start -= len(space.value) + len(star)
        return (arg.lineno, start, arg.lineno, end)


@cache
def _search_fields(kind: type) -> tuple[str, ...]:
    """Return the fields of a node kind that may hold wanted nodes.

    Args:
        kind: A class (libcst node classes have fields to search).

    Returns:
        Field names, trivia excluded; none for other classes.
    """
    if not issubclass(kind, cst.CSTNode):
        return ()
    return tuple(
        item.name
        for item in fields(kind)
        if item.name not in _TRIVIA_FIELDS and not item.name.startswith("whitespace")
    )


def _no_children(node: object) -> tuple[object, ...]:
    """Return nothing: values that are not libcst nodes have no children.

    Args:
        node: The value.

    Returns:
        An empty tuple.
    """
    del node
    return ()


NO_CHILDREN = _no_children


def children_getter(kind: type) -> Callable[[object], Iterable[object]]:
    """Return a function reading the searched fields of a node kind.

    Args:
        kind: A class.

    Returns:
        A function returning the values of the node's searched fields.
    """
    names = _search_fields(kind)
    if not names:
        return NO_CHILDREN
    if len(names) == 1:
        single = attrgetter(names[0])
        return lambda node: (single(node),)
    return attrgetter(*names)


@cache
def header_fields(kind: type) -> tuple[str, ...]:
    """Return the fields of a statement or clause kind before its body.

    Args:
        kind: A libcst statement or clause class.

    Returns:
        Field names, trivia and nested statements excluded.
    """
    return tuple(name for name in _search_fields(kind) if name not in BLOCK_FIELDS)


def first_stop(node: cst.CSTNode) -> cst.CSTNode | None:
    """Return where generating a compound statement's header stops.

    Args:
        node: A compound statement, or an ``elif`` or ``except`` clause.

    Returns:
        The first statement of its indented body; with a one-line body, the
        next clause; None when the whole node is the header.
    """
    if isinstance(node, cst.Match):
        return node.cases[0] if node.cases else None
    body = getattr(node, "body", None)
    if isinstance(body, cst.IndentedBlock):
        return body.body[0] if body.body else None
    if isinstance(node, (cst.Try, cst.TryStar)):
        if node.handlers:
            return node.handlers[0]
        return node.orelse or node.finalbody
    return getattr(node, "orelse", None)


def optional[T](value: T | None) -> tuple[T, ...]:
    """Return an optional value as a tuple of zero or one item.

    Args:
        value: The value or None.

    Returns:
        The tuple.
    """
    return () if value is None else (value,)


def pair_small(
    stmts: Sequence[cst.BaseSmallStatement], nodes: Sequence[ast.stmt]
) -> None:
    """Check that small statements and ``ast`` statements match one to one.

    Args:
        stmts: libcst's small statements.
        nodes: ``ast``'s statements.

    Raises:
        AnchorError: If the kinds or counts disagree.
    """
    if len(stmts) != len(nodes) or any(
        SMALL_AST.get(type(stmt)) is not type(node)
        for stmt, node in zip(stmts, nodes, strict=True)
    ):
        raise AnchorError


def clauses_of(
    stmt: cst.CSTNode, node: ast.AST
) -> list[tuple[cst.CSTNode, ast.AST | list[ast.stmt]]]:
    """Return the clauses after a compound statement's own body, in order.

    Args:
        stmt: The compound statement (or ``elif`` clause).
        node: Its ``ast`` counterpart.

    Raises:
        AnchorError: If the two trees' clauses disagree.

    Returns:
        (clause, ``ast`` counterpart) pairs: an ``elif`` or ``except`` clause
        pairs with its ``ast`` node, ``else`` and ``finally`` with their body's
        ``ast`` statements.
    """
    clauses: list[tuple[cst.CSTNode, ast.AST | list[ast.stmt]]] = []
    if isinstance(stmt, (cst.Try, cst.TryStar)) and isinstance(
        node, (ast.Try, ast.TryStar)
    ):
        if len(stmt.handlers) != len(node.handlers):
            raise AnchorError
        clauses.extend(zip(stmt.handlers, node.handlers, strict=True))
    orelse = getattr(stmt, "orelse", None)
    items: list[ast.stmt] = getattr(node, "orelse", [])
    if type(orelse) is cst.If:
        if len(items) != 1 or type(items[0]) is not ast.If:
            raise AnchorError
        clauses.append((orelse, items[0]))
    elif orelse is not None:
        clauses.append((orelse, items))
    elif items:
        raise AnchorError
    finalbody = getattr(stmt, "finalbody", None)
    final_items: list[ast.stmt] = getattr(node, "finalbody", [])
    if finalbody is not None:
        clauses.append((finalbody, final_items))
    elif final_items:
        raise AnchorError
    return clauses
