"""Tests for iterative string literal helpers."""

from __future__ import annotations

import libcst as cst
import pytest
from hypothesis import given, reject, strategies as st

from strictpy.domain.analysis.string_literals import (
    is_constant_string,
    literal_value,
    simple_string_value,
    string_parts,
)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ('"a"', "a"),
        ('"a" "b" \'c\'', "abc"),
        ('b"a" b"b"', b"ab"),
        ('f"a"', "a"),
        ('"a" f"b"', "ab"),
        ('f"a{b}"', None),
        ("x", None),
        ('"a" + "b"', None),
    ],
)
def test_literal_value(source: str, value: str | bytes | None) -> None:
    """Constant literals evaluate; anything else gives None.

    Args:
        source: An expression.
        value: Its expected literal value.
    """
    assert literal_value(cst.parse_expression(source)) == value


def test_literal_value_of_nothing() -> None:
    """A missing expression has no value."""
    assert literal_value(None) is None


@pytest.mark.parametrize(
    ("source", "constant"),
    [
        ('"a"', True),
        ('"a" "b"', True),
        ('"a" + "b" + f"c"', True),
        ('"a" + b', False),
        ('"a" f"{b}"', False),
        ("x", False),
    ],
)
def test_is_constant_string(source: str, constant: bool) -> None:  # noqa: FBT001 - parametrized
    """Only literals and ``+`` of literals are constant.

    Args:
        source: An expression.
        constant: Whether it is a constant string.
    """
    assert is_constant_string(cst.parse_expression(source)) is constant


def test_deep_concatenation_does_not_recurse() -> None:
    """Thousands of implicitly concatenated parts are handled iteratively."""
    count = 3000
    source = "x = (\n" + "\n".join(['    "x"'] * count) + "\n)\n"
    statement = cst.parse_module(source).body[0]
    assert isinstance(statement, cst.SimpleStatementLine)
    assignment = statement.body[0]
    assert isinstance(assignment, cst.Assign)
    node = assignment.value
    assert isinstance(node, cst.ConcatenatedString)
    with pytest.raises(RecursionError):
        _ = node.evaluated_value  # libcst's own evaluation recurses
    assert len(string_parts(node)) == count
    assert literal_value(node) == "x" * count
    assert is_constant_string(node)


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@given(
    prefix=st.sampled_from(["", "r", "R", "u", "U", "b", "B", "br", "Rb"]),
    quote=st.sampled_from(["'", '"', "'''", '"""']),
    body=st.text(
        alphabet=st.sampled_from(
            ["a", " ", "é", "\\", "n", "\r", "\n", "\t", "'", '"', "\f", "#"]
        ),
        max_size=12,
    ),
)
def test_simple_string_value_is_libcsts_value(
    prefix: str, quote: str, body: str
) -> None:
    """Read from the text or evaluated, a literal's value is libcst's.

    Args:
        prefix: The literal's prefix.
        quote: Its quotes.
        body: What stands between them (often not valid: such cases are skipped).
    """
    source = f"x = {prefix}{quote}{body}{quote}\n"
    try:
        module = cst.parse_module(source)
        line = cst.ensure_type(module.body[0], cst.SimpleStatementLine)
        assigned = cst.ensure_type(line.body[0], cst.Assign).value
        node = cst.ensure_type(assigned, cst.SimpleString)
        value = node.evaluated_value
    except (cst.ParserSyntaxError, SyntaxError, ValueError, TypeError):
        reject()
    assert simple_string_value(node) == value
    assert type(simple_string_value(node)) is type(value)
