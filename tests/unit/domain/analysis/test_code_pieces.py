"""Tests for counting, converting and pairing pieces of a module's code."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from strictpy.domain.analysis.code_pieces import (
    NO_CHILDREN,
    AnchorError,
    Columns,
    LineCounter,
    children_getter,
    clauses_of,
    first_stop,
    header_fields,
    pair_small,
)


def _first(source: str) -> tuple[cst.Module, cst.BaseStatement]:
    """Parse a source and return its first statement.

    Args:
        source: The source.

    Returns:
        The module and its first statement.
    """
    module = cst.parse_module(source)
    return module, module.body[0]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("pass\nx = 1\n", ()),
        ("pass\n# a\n\n  # b\nx = 1\n", ("# a", "", "# b")),
        (
            "pass\n@d(\n    1,\n)\n# c\n@e\ndef f(): pass\n",
            ("@d(", "1,", ")", "# c", "@e"),
        ),
        ("pass\n@d\nclass C: pass\n", ("@d",)),
    ],
)
def test_lines_before_a_statement_are_counted(
    source: str, lines: tuple[str, ...]
) -> None:
    """Leading comments, blank lines and decorators are counted as generated.

    Args:
        source: The source.
        lines: The lines before the statement's first token.
    """
    module = cst.parse_module(source)
    assert LineCounter(module).prefix(module.body[1]) == len(lines)


def test_a_backslash_in_a_leading_line_is_generated_to_count() -> None:
    """A continued empty line is counted by generating it."""
    module, stmt = _first("x = 0\n")
    line = cst.EmptyLine(whitespace=cst.SimpleWhitespace("\\\n"))
    stmt = stmt.with_changes(leading_lines=[line])
    assert LineCounter(module).prefix(stmt) == len(("\\", ""))
    assert LineCounter(module).trailing([line, cst.EmptyLine()]) == len(("\\", "", ""))


def test_a_point_never_reached_is_refused() -> None:
    """Counting up to a node that is not generated raises ``AnchorError``."""
    module, stmt = _first("x = 1\n")
    other = cst.parse_module("y = 2\n").body[0]
    with pytest.raises(AnchorError):
        LineCounter(module).before(stmt, other, at_start=False)


def test_columns_count_characters_not_bytes() -> None:
    """``ast`` byte offsets become character offsets on non-ASCII lines."""
    source = 'x = 1\né = "ü"; y = 2\n'
    tree = ast.parse(source)
    columns = Columns(source)
    assert columns.statement(tree.body[2]) == (2, 9, 2, 14)
    assert columns.column(1, len("x = ")) == len("x = ")
    assert Columns("x = 1\n").column(1, len("x")) == len("x")


def test_parameter_ranges_cover_star_and_name() -> None:
    """A parameter's range is its star and name; a far star gives no range."""
    source = "def f(c=1, *\n      a, **  b): pass\n"
    _, function = _first(source)
    assert isinstance(function, cst.FunctionDef)
    args = ast.parse(source).body[0].args  # type: ignore[attr-defined]
    columns = Columns(source)
    kwarg = function.params.star_kwarg
    assert kwarg is not None
    assert columns.param(kwarg, args.kwarg) == (2, 9, 2, 14)
    star = function.params.star_arg
    assert isinstance(star, cst.Param)
    assert columns.param(star, args.vararg) is None
    with pytest.raises(AnchorError):
        columns.param(star, args.kwarg)


def test_search_fields_skip_trivia() -> None:
    """Children readers skip whitespace and punctuation; values have none."""
    call = cst.parse_expression("f(a, b=1)")
    assert isinstance(call, cst.Call)
    assert list(children_getter(cst.Call)(call)) == [call.func, call.args]
    name = cst.Name("a")
    assert list(children_getter(cst.Name)(name)) == ["a"]
    assert children_getter(str) is NO_CHILDREN
    assert NO_CHILDREN("a") == ()
    assert "body" not in header_fields(cst.FunctionDef)
    assert "params" in header_fields(cst.FunctionDef)


@pytest.mark.parametrize(
    ("source", "stop"),
    [
        ("def f():\n    a\n", "a"),
        ("if x: a\nelse: b\n", "else"),
        ("try: a\nexcept E: b\n", "except"),
        ("try: a\nfinally: b\n", "finally"),
        ("with x: a\n", None),
        ("match x:\n    case 1: a\n", "case"),
    ],
)
def test_headers_stop_where_their_body_or_next_clause_starts(
    source: str, stop: str | None
) -> None:
    """A header's generation stops at its first body statement or next clause.

    Args:
        source: The source.
        stop: What the stop node generates first, or None for no stop.
    """
    module, stmt = _first(source)
    found = first_stop(stmt)
    if stop is None:
        assert found is None
        return
    assert found is not None
    code = module.code_for_node(found).strip()
    assert code.startswith(stop)


def test_small_statements_pair_one_to_one() -> None:
    """Small statements must match ``ast``'s statements kind for kind."""
    module, line = _first("x = 1; pass\n")
    assert isinstance(line, cst.SimpleStatementLine)
    pair_small(line.body, ast.parse("x = 1; pass\n").body)
    with pytest.raises(AnchorError):
        pair_small(line.body, ast.parse("x = 1; y\n").body)
    with pytest.raises(AnchorError):
        pair_small(line.body, ast.parse("x = 1\n").body)
    assert module.code == "x = 1; pass\n"


def test_clauses_come_in_order() -> None:
    """Handlers, ``else`` and ``finally`` come in order; an ``elif`` pairs alone."""
    source = "try:\n    a\nexcept E:\n    b\nelse:\n    c\nfinally:\n    d\n"
    _, stmt = _first(source)
    assert isinstance(stmt, cst.Try)
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.Try)
    kinds = [type(clause) for clause, _ in clauses_of(stmt, node)]
    assert kinds == [cst.ExceptHandler, cst.Else, cst.Finally]
    source = "if a:\n    b\nelif c:\n    d\n"
    _, stmt = _first(source)
    node = ast.parse(source).body[0]
    [(clause, item)] = clauses_of(stmt, node)
    assert (type(clause), type(item)) == (cst.If, ast.If)


@pytest.mark.parametrize(
    ("source", "other"),
    [
        ("if a:\n    b\nelif c:\n    d\n", "if a:\n    b\nelse:\n    d\n    e\n"),
        ("if a:\n    b\n", "if a:\n    b\nelse:\n    c\n"),
        (
            "try:\n    a\nexcept E:\n    b\n",
            "try:\n    a\nexcept E:\n    b\nfinally:\n    c\n",
        ),
        (
            "try:\n    a\nexcept E:\n    b\n",
            "try:\n    a\nexcept E:\n    b\nexcept F:\n    c\n",
        ),
    ],
)
def test_disagreeing_clauses_are_refused(source: str, other: str) -> None:
    """Clauses that differ between the two trees raise ``AnchorError``.

    Args:
        source: The libcst tree's source.
        other: The ``ast`` tree's source.
    """
    _, stmt = _first(source)
    with pytest.raises(AnchorError):
        clauses_of(stmt, ast.parse(other).body[0])
