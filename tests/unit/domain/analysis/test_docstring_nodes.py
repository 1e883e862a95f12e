"""Tests for locating docstrings where Python does."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.docstring_nodes import docstring_node, docstring_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"""Doc."""\n', "Doc."),
        ("r'''Raw.'''\n", "Raw."),
        ('"Con" "cat"\n', "Concat"),
        ('f"""Not a docstring."""\n', None),
        ("x = 1\n", None),
        ("", None),
    ],
)
def test_module_docstrings(source: str, expected: str | None) -> None:
    """Only a first-statement plain string literal is a docstring.

    Args:
        source: The module's source.
        expected: Its docstring's text, or None.
    """
    node = docstring_node(cst.parse_module(source))
    text = docstring_text(node) if node is not None else None
    assert text == expected


def test_bytes_docstring_has_no_text() -> None:
    """A bytes literal is found but has no text."""
    node = docstring_node(cst.parse_module('b"bytes"\n'))
    assert node is not None
    assert docstring_text(node) is None


def test_one_line_function_body() -> None:
    """A docstring on the def line is found."""
    function = cst.parse_module('def f(): "Doc."\n').body[0]
    assert isinstance(function, cst.FunctionDef)
    node = docstring_node(function)
    assert node is not None
