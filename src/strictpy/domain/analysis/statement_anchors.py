"""Where a module's wanted nodes lie, anchored on the interpreter's parser.

Generating a whole module's code only to position a few nodes costs nearly half
as much as libcst's parse. This finds where wanted nodes lie without generating
code, or else the smallest piece of code to generate (assuming libcst's code is
the text, which ``positions`` checks):

* ``ast`` gives the exact line of every statement's first token and of every
  ``except`` and ``elif`` keyword (decorators excluded, as in libcst's
  syntactic positions), and the range of every small statement and parameter.
* A parallel walk over both trees' statement lists pairs each libcst statement
  with its ``ast`` counterpart, checking kinds (and parameter names): any
  disagreement raises ``AnchorError``, and the whole module is generated.
* Every line-level statement and clause generates code starting at column 0 of
  a line: the ``ast`` line of its first token, less the lines generated before
  that token (leading comments and blank lines, decorators; counted, when not
  plain, by generating only them). A compound statement or clause ends where
  the next statement or clause begins, less the trailing lines of the blocks
  it closes; its range starts at its keyword, after its indentation.

The result is a ``Layout``: the ranges found without generating code, and the
*units* to generate for the other wanted nodes (a simple statement line, or a
compound statement's header up to its body), each with one token's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.code_pieces import (
    COMPOUND_AST,
    DECORATED,
    FOUND_IN_HEADERS,
    NO_CHILDREN,
    SINGLE_BODY,
    SMALL_AST,
    VALUED,
    AnchorError,
    Columns,
    LineCounter,
    children_getter,
    clauses_of,
    first_stop,
    header_fields,
    optional,
    pair_small,
)

if TYPE_CHECKING:
    import ast
    from collections.abc import Callable, Collection, Iterable, Sequence

    from strictpy.domain.analysis.code_pieces import Span

__all__ = ["AnchorError", "Layout", "Unit", "locate"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of code to generate, and where one of its tokens lies.

    Its code starts at column 0 of a line, so generated columns are the file's.

    Attributes:
        node: The line-level statement or clause to generate.
        indents: The indentation tokens in force around it.
        stop: Generation stops where this node starts (its body), or None.
        anchor: The node whose syntactic start is on ``line``; None when the
            point where generation stops starts line ``line``.
        line: The 1-based line of the anchor.
        is_elif: Whether ``node`` is an ``elif`` clause.
    """

    node: cst.CSTNode
    indents: tuple[str, ...]
    stop: cst.CSTNode | None
    anchor: cst.CSTNode | None
    line: int
    is_elif: bool = False


@dataclass(slots=True)
class Layout:
    """What ``locate`` found.

    Attributes:
        spans: Ranges found without generating code, by ``id()`` of the wanted
            node: (line, column, end line, end column).
        units: The units to generate, by ``id()`` of their node.
        end_line: The line where the module's code ends (after its last
            newline, counting the newline libcst adds to a file without one).
    """

    spans: dict[int, Span] = field(default_factory=dict)
    units: dict[int, Unit] = field(default_factory=dict)
    end_line: int = 1


class _Walker:
    """Pairs the two trees' statements and lays out the wanted nodes."""

    def __init__(
        self, module: cst.Module, text: str, targets: Collection[cst.CSTNode]
    ) -> None:
        """Prepare a walk.

        Args:
            module: The libcst module.
            text: The source.
            targets: The wanted nodes (the module itself excluded).
        """
        self.layout = Layout()
        self.ids = {id(node) for node in targets}
        self.remaining = set(self.ids)
        self.lines = LineCounter(module)
        self.columns = Columns(text)
        kinds = {type(node) for node in targets}
        self.default_indent = module.default_indent
        # Child readers by node kind, filled as kinds are met.
        self.children: dict[type, Callable[[object], Iterable[object]]] = {}
        self.deep = False
        self.in_lines = bool(kinds - FOUND_IN_HEADERS)
        self.in_params = cst.Param in kinds
        self.in_headers = self.in_lines

    def go_deep(self) -> None:
        """Start over, searching every expression of every statement header."""
        self.deep = True
        self.in_lines = True
        self.in_headers = True

    def search(self, roots: list[object]) -> bool:
        """Look for wanted nodes below some nodes (deep walks only).

        Args:
            roots: Nodes, sequences of nodes, or other values (ignored).

        Returns:
            Whether any wanted node was found.
        """
        remaining = self.remaining
        if not (self.deep and remaining):
            return False
        hit = False
        pending = roots
        known = self.children
        while pending:
            value = pending.pop()
            kind = type(value)
            if kind is tuple or kind is list:
                pending.extend(value)  # type: ignore[arg-type]
                continue
            children = known.get(kind)
            if children is None:
                children = known[kind] = children_getter(kind)
            if children is NO_CHILDREN:
                continue
            if id(value) in remaining:
                remaining.discard(id(value))
                hit = True
            pending.extend(children(value))
        return hit

    def found(self, key: int) -> bool:
        """Note a wanted node as located in a unit.

        Args:
            key: The node's ``id()``.

        Returns:
            Whether the node is wanted.
        """
        if key in self.ids:
            self.remaining.discard(key)
            return True
        return False

    def add_span(self, key: int, span: Span) -> None:
        """Store a wanted node's range.

        Args:
            key: The node's ``id()``.
            span: (line, column, end line, end column).
        """
        self.layout.spans[key] = span
        self.remaining.discard(key)

    def add_unit(self, unit: Unit) -> None:
        """Ask for a unit's code to be generated.

        Args:
            unit: The unit.
        """
        self.layout.units.setdefault(id(unit.node), unit)

    def body(
        self,
        stmts: Sequence[cst.BaseStatement],
        nodes: list[ast.stmt],
        indents: tuple[str, ...],
        end: int,
    ) -> None:
        """Lay out a statement list, pairing it with ``ast``'s.

        Args:
            stmts: libcst's statements.
            nodes: ``ast``'s statements for them (one per small statement).
            indents: The indentation tokens of the list.
            end: The line where the list's code ends.

        Raises:
            AnchorError: If the kinds or counts disagree.
        """
        index = 0
        count = len(nodes)
        last = len(stmts) - 1
        for number, stmt in enumerate(stmts):
            if index >= count:
                raise AnchorError
            if type(stmt) is cst.SimpleStatementLine:
                index += self.line(stmt, nodes, index, indents)
                continue
            node = nodes[index]
            if type(node) not in COMPOUND_AST.get(type(stmt), ()):
                raise AnchorError
            index += 1
            stop = end
            if number < last:
                if index >= count:
                    raise AnchorError
                following = stmts[number + 1]
                stop = nodes[index].lineno
                if following.leading_lines or type(following) in DECORATED:
                    stop -= self.lines.prefix(following)
            self.compound(stmt, node, indents, stop)
        if index != count:
            raise AnchorError

    def line(
        self,
        stmt: cst.SimpleStatementLine,
        nodes: list[ast.stmt],
        index: int,
        indents: tuple[str, ...],
    ) -> int:
        """Lay out a simple statement line.

        Args:
            stmt: The line.
            nodes: ``ast``'s statements of its statement list.
            index: The index of its first ``ast`` statement.
            indents: The indentation tokens of the list.

        Raises:
            AnchorError: If the kinds or counts disagree.

        Returns:
            The number of ``ast`` statements of the line.
        """
        small = stmt.body
        size = len(small)
        first = small[0]
        node = nodes[index]
        if size == 1:
            if SMALL_AST.get(type(first)) is not type(node):
                raise AnchorError
        else:
            pair_small(small, nodes[index : index + size])
        ids = self.ids
        if self.deep or (
            self.in_lines
            and (
                size > 1
                or id(first) in ids
                or (type(first) in VALUED and id(getattr(first, "value", None)) in ids)
                or id(stmt) in ids
            )
        ):
            hit = self.small(small, nodes, index)
            if self.found(id(stmt)) or hit:
                self.add_unit(Unit(stmt, indents, None, stmt, node.lineno))
        return size

    def small(
        self,
        stmts: Sequence[cst.BaseSmallStatement],
        nodes: Sequence[ast.stmt],
        position: int,
    ) -> bool:
        """Position wanted small statements; look for other wanted nodes in them.

        A small statement's range is its ``ast`` statement's; so is that of an
        expression statement's unparenthesized value (a docstring, a call).

        Args:
            stmts: The small statements of one line or one-line suite.
            nodes: ``ast`` statements, theirs from ``position`` on.
            position: The index of the first one's ``ast`` statement.

        Returns:
            Whether the line must be generated for some wanted node in it.
        """
        ids = self.ids
        hit = False
        for offset, stmt in enumerate(stmts):
            if id(stmt) in ids:
                self.add_span(
                    id(stmt), self.columns.statement(nodes[position + offset])
                )
            kind = type(stmt)
            if kind not in VALUED:
                continue
            value: cst.BaseExpression = getattr(stmt, "value", None)
            if id(value) not in ids:
                continue
            if kind is cst.Expr and not value.lpar:
                span = self.columns.statement(nodes[position + offset])
                self.add_span(id(value), span)
            else:
                hit = self.found(id(value)) or hit
        if self.deep:
            hit = self.search(list(stmts)) or hit
        return hit

    def header(self, stmt: cst.CSTNode, node: ast.AST | list[ast.stmt]) -> bool:
        """Look for wanted nodes in a compound statement's or clause's header.

        Parameters are positioned from ``ast``.

        Args:
            stmt: The statement or clause.
            node: Its ``ast`` counterpart (a list for clauses without one).

        Returns:
            Whether the header must be generated for some wanted node in it.
        """
        hit = False
        if self.in_params and type(stmt) is cst.FunctionDef:
            hit = self.params(stmt.params, getattr(node, "args", None))
        if self.in_headers:
            for decorator in getattr(stmt, "decorators", ()):
                hit = self.found(id(decorator)) or hit
        if self.deep and self.remaining:
            kind = type(stmt)
            roots = [getattr(stmt, name) for name in header_fields(kind)]
            hit = self.search(roots) or hit
        return hit

    def params(self, params: cst.Parameters, args: ast.arguments | None) -> bool:
        """Position wanted parameters of a function from ``ast``.

        Args:
            params: libcst's parameters.
            args: ``ast``'s.

        Raises:
            AnchorError: If the parameters differ.

        Returns:
            Whether the header must be generated for some parameter.
        """
        ids = self.ids
        star = params.star_arg
        listed = chain(
            params.params,
            params.posonly_params,
            params.kwonly_params,
            (star, params.star_kwarg),
        )
        if ids.isdisjoint(map(id, listed)):
            return False
        if args is None:
            raise AnchorError
        groups = (
            (params.posonly_params, args.posonlyargs),
            (params.params, args.args),
            ((star,) if type(star) is cst.Param else (), optional(args.vararg)),
            (params.kwonly_params, args.kwonlyargs),
            (optional(params.star_kwarg), optional(args.kwarg)),
        )
        hit = False
        for group, items in groups:
            if len(group) != len(items):
                raise AnchorError
            for param, arg in zip(group, items, strict=True):
                if id(param) not in ids:
                    continue
                span = self.columns.param(param, arg)
                if span is None:
                    hit = self.found(id(param)) or hit
                else:
                    self.add_span(id(param), span)
        return hit

    def compound(
        self,
        stmt: cst.CSTNode,
        node: ast.AST,
        indents: tuple[str, ...],
        end: int,
        *,
        is_elif: bool = False,
    ) -> None:
        """Lay out a compound statement, an ``elif`` or an ``except`` clause.

        Args:
            stmt: The libcst node.
            node: Its ``ast`` counterpart.
            indents: The indentation tokens around it.
            end: The line where its code ends.
            is_elif: Whether it is an ``elif`` clause.
        """
        line: int = getattr(node, "lineno", 0)
        if id(stmt) in self.ids:
            self.add_span(id(stmt), (line, sum(map(len, indents)), end, 0))
        kind = type(stmt)
        unit = None
        if (self.in_params or self.in_headers) and self.header(stmt, node):
            unit = Unit(stmt, indents, first_stop(stmt), stmt, line, is_elif)
            self.add_unit(unit)
        if kind is cst.Match:
            self.cases(stmt, node, indents, end)  # type: ignore[arg-type]
            return
        clauses = () if kind in SINGLE_BODY else clauses_of(stmt, node)
        body: cst.BaseSuite = getattr(stmt, "body", None)
        if unit is None and type(body) is not cst.IndentedBlock:
            unit = Unit(stmt, indents, first_stop(stmt), stmt, line, is_elif)
        if not clauses:
            self.block(body, getattr(node, "body", []), indents, end, unit)
            return
        starts = [self.clause_start(clause, item) for clause, item in clauses]
        ends = [*starts, end]
        self.block(body, getattr(node, "body", []), indents, ends[0], unit)
        for (clause, item), clause_end in zip(clauses, ends[1:], strict=True):
            self.clause(clause, item, indents, clause_end)

    def cases(
        self, stmt: cst.Match, node: ast.Match, indents: tuple[str, ...], end: int
    ) -> None:
        """Lay out the cases of a ``match`` statement.

        Args:
            stmt: The libcst statement.
            node: Its ``ast`` counterpart.
            indents: The indentation tokens around it.
            end: The line where its code ends.

        Raises:
            AnchorError: If the case counts differ.
        """
        if len(stmt.cases) != len(node.cases):
            raise AnchorError
        inner = (*indents, stmt.indent or self.default_indent)
        cases = [
            (case, item.body) for case, item in zip(stmt.cases, node.cases, strict=True)
        ]
        starts = [self.clause_start(case, item) for case, item in cases]
        ends = [*starts[1:], end - self.lines.trailing(stmt.footer)]
        for (case, item), case_end in zip(cases, ends, strict=True):
            self.clause(case, item, inner, case_end)

    def clause_start(self, clause: cst.CSTNode, item: ast.AST | list[ast.stmt]) -> int:
        """Return the line where a clause's code starts.

        Args:
            clause: The clause (``elif``, ``except``, ``else``, ``finally``,
                ``case``).
            item: Its ``ast`` counterpart (a statement or handler), or the
                ``ast`` statements of its body when it has no position.

        Raises:
            AnchorError: If the clause has no statement to anchor on.

        Returns:
            The 1-based line.
        """
        if not isinstance(item, list):
            return getattr(item, "lineno", 0) - self.lines.prefix(clause)
        body: cst.BaseSuite = getattr(clause, "body", None)
        if not item or not body.body:
            raise AnchorError
        first = body.body[0]
        before = self.lines.before(clause, first, at_start=False)
        if type(body) is cst.IndentedBlock:
            return item[0].lineno - self.lines.prefix(first) - before
        return item[0].lineno - before

    def clause(
        self,
        clause: cst.CSTNode,
        item: ast.AST | list[ast.stmt],
        indents: tuple[str, ...],
        end: int,
    ) -> None:
        """Lay out one clause after a compound statement's own body.

        Args:
            clause: The clause.
            item: Its ``ast`` counterpart, or its body's ``ast`` statements.
            indents: The indentation tokens around it.
            end: The line where its code ends.

        Raises:
            AnchorError: If the clause itself is wanted and is an ``else``,
                ``finally`` or ``case`` clause (not supported).
        """
        if not isinstance(item, list):
            # An ``elif`` or ``except`` clause: positioned like a statement.
            self.compound(clause, item, indents, end, is_elif=type(clause) is cst.If)
            return
        if id(clause) in self.ids:
            raise AnchorError
        # else, finally and case have no line of their own in ``ast``: anchor
        # on their body's first statement.
        body: cst.BaseSuite = getattr(clause, "body", None)
        first = body.body[0]
        if type(body) is cst.IndentedBlock:
            line = item[0].lineno - self.lines.prefix(first)
            unit = Unit(clause, indents, first, None, line)
        else:
            unit = Unit(clause, indents, None, first, item[0].lineno)
        if self.in_headers and self.header(clause, item):
            self.add_unit(unit)
        self.block(body, item, indents, end, unit)

    def block(
        self,
        body: cst.BaseSuite,
        nodes: list[ast.stmt],
        indents: tuple[str, ...],
        end: int,
        owner: Unit | None,
    ) -> None:
        """Lay out the body of a statement or clause.

        Args:
            body: The indented block or one-line suite.
            nodes: The ``ast`` statements of the body.
            indents: The indentation tokens around the owner.
            end: The line where the body's code ends.
            owner: The owner's unit, generated for nodes of a one-line suite.

        Raises:
            AnchorError: If the body is neither.
        """
        if type(body) is cst.IndentedBlock:
            inner = (*indents, body.indent or self.default_indent)
            footer = body.footer
            if footer:
                end -= self.lines.trailing(footer)
            self.body(body.body, nodes, inner, end)
            return
        if type(body) is not cst.SimpleStatementSuite or owner is None:
            raise AnchorError
        pair_small(body.body, nodes)
        hit = self.small(body.body, nodes, 0)
        if self.found(id(body)) or hit:
            self.add_unit(owner)


def locate(
    module: cst.Module, tree: ast.Module, targets: Collection[cst.CSTNode], text: str
) -> Layout:
    """Lay out the wanted nodes of a module.

    Args:
        module: The libcst module.
        tree: The ``ast`` module of the same source.
        targets: The wanted nodes (the module itself excluded).
        text: The source both were parsed from.

    Raises:
        AnchorError: If the trees disagree, or some wanted node was not
            found where statements, clauses and their headers are searched.

    Returns:
        The layout.
    """
    newlines = text.count("\n") + text.count("\r") - text.count("\r\n")
    # libcst adds the final newline a file lacks, and removes it when generating.
    end_line = newlines + (1 if module.has_trailing_newline else 2)
    walker = _Walker(module, text, targets)
    body_end = end_line - walker.lines.trailing(module.footer)
    walker.body(module.body, tree.body, (), body_end)
    if walker.remaining:
        # Some wanted node lies deeper in an expression: search every header.
        walker = _Walker(module, text, targets)
        walker.go_deep()
        walker.body(module.body, tree.body, (), body_end)
        if walker.remaining:
            raise AnchorError
    walker.layout.end_line = end_line
    return walker.layout
