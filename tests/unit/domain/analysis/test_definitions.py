"""Tests for the function helpers rules share."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.definitions import (
    all_params,
    decorator_names,
    enclosing_function,
    is_method,
)


def _function(source: str) -> cst.FunctionDef:
    """Parse a module and return its first function.

    Args:
        source: Python source starting with a function.

    Returns:
        The function.
    """
    node = cst.parse_module(source).body[0]
    assert isinstance(node, cst.FunctionDef)
    return node


def test_all_params_in_source_order() -> None:
    """Every kind of parameter is returned in order."""
    function = _function("def f(a, /, b, *args, c, **kwargs): return 1\n")
    assert [param.name.value for param in all_params(function.params)] == [
        "a",
        "b",
        "args",
        "c",
        "kwargs",
    ]


def test_decorator_names_without_resolver() -> None:
    """Dotted and called decorators yield full and last-segment names."""
    function = _function(
        "@abc.abstractmethod\n@functools.lru_cache(1)\ndef f(): return 1\n"
    )
    names = decorator_names(function, None)
    assert {"abc.abstractmethod", "abstractmethod", "lru_cache"} <= names


def test_enclosing_function_and_method() -> None:
    """A class between the node and a def stops the search."""
    module = cst.parse_module("class A:\n    def m(self):\n        return 1\n")
    klass = module.body[0]
    assert isinstance(klass, cst.ClassDef)
    body = klass.body
    method = body.body[0]
    assert isinstance(method, cst.FunctionDef)
    assert is_method([module, klass, body])
    assert enclosing_function([module, klass, body, method]) is method
    assert enclosing_function([module, klass]) is None
    assert not is_method([module])
