"""Tests for parsing without re-validation."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.parsing import parse_trusted


def test_same_tree_as_libcst() -> None:
    """The tree round-trips exactly like a validated parse."""
    source = "def f(a, *, b=1):\n    return [x for x in a if x]  # c\n"
    module = parse_trusted(source)
    assert module.code == source
    assert module.deep_equals(cst.parse_module(source))


def test_validation_is_restored() -> None:
    """Nodes built after a parse are validated again."""
    parse_trusted("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_syntax_errors_still_raise() -> None:
    """Invalid source still fails, and validation is restored afterwards."""
    with pytest.raises(cst.ParserSyntaxError):
        parse_trusted("def (:\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("1x")
