"""Tests for the fix scope and the small syntax helpers."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.fix_scope import FixScope, has_comment, needs_parentheses


def test_allows_only_reported_lines() -> None:
    """A node is in scope when its line carries a finding of the code."""
    node = cst.Pass()
    other = cst.Pass()
    scope = FixScope({"SP102": frozenset({3})}, {id(node): 3, id(other): 4})
    assert scope.allows("SP102", node)
    assert not scope.allows("SP102", other)
    assert not scope.allows("SP202", node)
    assert not scope.allows("SP102", cst.Pass())
    assert scope.wants("SP102")
    assert not scope.wants("SP203")


def test_has_comment() -> None:
    """Comments anywhere below a node are found."""
    with_comment = cst.parse_expression("Union[\n    int,  # why\n    str,\n]")
    assert has_comment(with_comment)
    assert not has_comment(cst.parse_expression("Union[int, str]"))


def test_needs_parentheses() -> None:
    """``|`` needs parentheses where the surrounding syntax binds tighter."""
    attribute = cst.parse_expression("Optional[int].__args__")
    assert isinstance(attribute, cst.Attribute)
    assert needs_parentheses(attribute, attribute.value)
    call = cst.parse_expression("Optional[int]()")
    assert isinstance(call, cst.Call)
    assert needs_parentheses(call, call.func)
    plus = cst.parse_expression("a + Optional[int]")
    assert isinstance(plus, cst.BinaryOperation)
    assert needs_parentheses(plus, plus.right)
    union = cst.parse_expression("a | Optional[int]")
    assert isinstance(union, cst.BinaryOperation)
    assert not needs_parentheses(union, union.right)
    assert not needs_parentheses(None, union)
