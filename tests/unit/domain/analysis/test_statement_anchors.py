"""Tests for laying out wanted nodes on the interpreter's statement lines."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

import libcst as cst
import pytest

from strictpy.domain.analysis.statement_anchors import AnchorError, locate

if TYPE_CHECKING:
    from strictpy.domain.analysis.statement_anchors import Layout


def _layout(source: str, targets: list[cst.CSTNode], module: cst.Module) -> Layout:
    """Lay out targets of a parsed source.

    Args:
        source: The source.
        targets: The wanted nodes.
        module: The source's libcst module.

    Returns:
        The layout.
    """
    return locate(module, ast.parse(source), targets, source)


def _function(module: cst.Module, index: int) -> cst.FunctionDef:
    """Return a module-level function.

    Args:
        module: The module.
        index: The statement's index.

    Returns:
        The function.
    """
    function = module.body[index]
    assert isinstance(function, cst.FunctionDef)
    return function


def _line(node: cst.CSTNode) -> cst.SimpleStatementLine:
    """Return a statement line, checked.

    Args:
        node: The statement.

    Returns:
        The same node, as a simple statement line.
    """
    assert isinstance(node, cst.SimpleStatementLine)
    return node


def test_a_block_spans_from_its_keyword_to_the_next_statement() -> None:
    """A function starts at ``def`` and ends where the next statement's code starts."""
    source = "@deco\ndef f():\n    pass\n\n# lead\nx = 1\n"
    module = cst.parse_module(source)
    function = _function(module, 0)
    layout = _layout(source, [function], module)
    assert layout.spans[id(function)] == (2, 0, 4, 0)
    assert not layout.units


def test_a_nested_block_ends_before_the_outer_block_footer() -> None:
    """The last method of a class ends before comments owned by the class body."""
    source = "class C:\n    def m(self):\n        pass\n    # class footer\nx = 1\n"
    module = cst.parse_module(source)
    cls = module.body[0]
    assert isinstance(cls, cst.ClassDef)
    assert isinstance(cls.body, cst.IndentedBlock)
    method = cls.body.body[0]
    layout = _layout(source, [cls, method], module)
    assert layout.spans[id(method)] == (2, 4, 4, 0)
    assert layout.spans[id(cls)] == (1, 0, 5, 0)


def test_parameters_and_small_statements_are_read_from_ast() -> None:
    """Parameter names (with their star) and small statements need no code."""
    source = 'def f(é="ü", *  args, **kw):\n    """Doc."""\n    return é\n'
    module = cst.parse_module(source)
    function = _function(module, 0)
    params = function.params
    assert isinstance(params.star_arg, cst.Param)
    assert params.star_kwarg is not None
    assert isinstance(function.body, cst.IndentedBlock)
    doc = _line(function.body.body[0]).body[0]
    assert isinstance(doc, cst.Expr)
    returned = _line(function.body.body[1]).body[0]
    targets = [params.params[0], params.star_arg, params.star_kwarg, doc.value]
    layout = _layout(source, [*targets, returned], module)
    assert [layout.spans[id(node)] for node in targets] == [
        (1, 6, 1, 7),
        (1, 13, 1, 20),
        (1, 22, 1, 26),
        (2, 4, 2, 14),
    ]
    assert layout.spans[id(returned)] == (3, 4, 3, 12)
    assert not layout.units


def test_nodes_inside_a_line_are_generated_with_their_line() -> None:
    """A call inside an assignment is positioned by generating its line."""
    source = "if a:\n    # c\n    x = f(1)\n"
    module = cst.parse_module(source)
    block = module.body[0]
    assert isinstance(block, cst.If)
    assert isinstance(block.body, cst.IndentedBlock)
    line = _line(block.body.body[0])
    assign = line.body[0]
    assert isinstance(assign, cst.Assign)
    layout = _layout(source, [assign.value], module)
    unit = layout.units[id(line)]
    assert (unit.anchor, unit.line, unit.stop, unit.indents) == (
        line,
        len(("if a:", "# c", "x = f(1)")),
        None,
        ("    ",),
    )


def test_nodes_deep_in_a_header_are_generated_with_the_header() -> None:
    """An attribute in an ``if`` test is positioned by generating the header."""
    source = "x = 1\nif a.b == 1:\n    c()\n"
    module = cst.parse_module(source)
    block = module.body[1]
    assert isinstance(block, cst.If)
    assert isinstance(block.test, cst.Comparison)
    assert isinstance(block.body, cst.IndentedBlock)
    layout = _layout(source, [block.test.left], module)
    unit = layout.units[id(block)]
    assert (unit.anchor, unit.stop) == (block, block.body.body[0])


def test_a_one_line_suite_is_generated_with_its_clause() -> None:
    """A call in ``if x: f()`` is generated with the ``if``, up to its ``else``."""
    source = "if x: f()\nelse: g()\n"
    module = cst.parse_module(source)
    block = module.body[0]
    assert isinstance(block, cst.If)
    assert isinstance(block.body, cst.SimpleStatementSuite)
    call = block.body.body[0]
    assert isinstance(call, cst.Expr)
    layout = _layout(source, [call], module)
    assert layout.spans[id(call)] == (1, 6, 1, 9)
    assert isinstance(block.orelse, cst.Else)
    assert isinstance(block.orelse.body, cst.SimpleStatementSuite)
    other = block.orelse.body.body[0]
    assert isinstance(other, cst.Expr)
    layout = _layout(source, [other.value.func], module)  # type: ignore[attr-defined]
    unit = layout.units[id(block.orelse)]
    assert (unit.anchor, unit.line) == (other, len(("if", "else")))


def test_the_end_line_counts_the_newline_libcst_adds() -> None:
    """A file without a final newline ends one line further, as libcst sees it."""
    module = cst.parse_module("x = 1")
    assert _layout("x = 1", [], module).end_line == len(("x = 1", ""))


@pytest.mark.parametrize(
    ("source", "other"),
    [
        ("x = 1\n", "def f(): pass\n"),
        ("if a:\n    b\n", "if a:\n    b\nelse:\n    c\n"),
        ("try:\n    a\nexcept E:\n    b\n", "try:\n    a\nfinally:\n    b\n"),
        ("def f(a): pass\n", "def f(b): pass\n"),
    ],
)
def test_disagreeing_trees_are_refused(source: str, other: str) -> None:
    """Trees that do not pair statement for statement raise ``AnchorError``.

    Args:
        source: The libcst tree's source.
        other: The ``ast`` tree's source.
    """
    module = cst.parse_module(source)
    targets: list[cst.CSTNode] = [module.body[0]]
    first = module.body[0]
    if isinstance(first, cst.FunctionDef):
        targets.append(first.params.params[0])
    with pytest.raises(AnchorError):
        locate(module, ast.parse(other), targets, source)


def test_unanchored_or_foreign_nodes_are_refused() -> None:
    """An ``else`` clause, or a node of another tree, raises ``AnchorError``."""
    source = "if a:\n    b\nelse:\n    c\n"
    module = cst.parse_module(source)
    block = module.body[0]
    assert isinstance(block, cst.If)
    assert block.orelse is not None
    with pytest.raises(AnchorError):
        _layout(source, [block.orelse], module)
    foreign = cst.parse_module("x = 1\n").body[0]
    with pytest.raises(AnchorError):
        _layout(source, [foreign], module)
