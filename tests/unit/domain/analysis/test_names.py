"""Tests for import-aware name resolution riding the shared walk."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.analysis.names import NameResolver, dotted_name
from strictpy.domain.analysis.walker import Visitor, build_dispatch, visits, walk


class _CallProbe(Visitor):
    """Records what the callee of every call resolves to, in source order."""

    def __init__(self, names: NameResolver) -> None:
        """Probe with a resolver.

        Args:
            names: The resolver riding the same walk.
        """
        self.names = names
        self.seen: list[tuple[str | None, str | None]] = []

    @visits(cst.Call)
    def on_call(self, node: cst.Call) -> None:
        """Record the callee's text and what it means.

        Args:
            node: The call.
        """
        self.seen.append((dotted_name(node.func), self.names.qualified_name(node.func)))


def resolve_calls(
    source: str, path: str = "src/app/services/x.py"
) -> list[tuple[str | None, str | None]]:
    """Walk a source and return (callee text, qualified name) per call.

    Args:
        source: Python source.
        path: The path the source pretends to have.

    Returns:
        One pair per call, in walk order.
    """
    module = cst.parse_module(source)
    ancestors: list[cst.CSTNode] = []
    names = NameResolver(describe_file(path, "app"), ancestors)
    probe = _CallProbe(names)
    walk(module, build_dispatch([names, probe]), ancestors)
    return probe.seen


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from time import sleep as nap\nnap(1)\n", "time.sleep"),
        ("import logging as log\nlog.info(1)\n", "logging.info"),
        ("import os.path\nos.path.join(1)\n", "os.path.join"),
        ("import os.path as osp\nosp.join(1)\n", "os.path.join"),
        ("print(1)\n", "builtins.print"),
        ("from .helpers import run\nrun()\n", "app.services.helpers.run"),
        ("from .. import adapters\nadapters.db()\n", "app.adapters.db"),
        ("from ..adapters import db as d\nd()\n", "app.adapters.db"),
    ],
)
def test_imports_and_aliases(source: str, expected: str) -> None:
    """Imports, aliases and relative imports resolve to qualified names.

    Args:
        source: A module ending with a call.
        expected: What the call's callee resolves to.
    """
    assert resolve_calls(source)[-1][1] == expected


@pytest.mark.parametrize(
    "source",
    [
        "def f(print):\n    print(1)\n",
        "def sleep():\n    'Doc.'\n\nsleep()\n",
        "print = len\nprint(1)\n",
        "for print in []:\n    print(1)\n",
        "with x as print:\n    print(1)\n",
        "try:\n    x = 1\nexcept E as print:\n    print(1)\n",
        "(print := len)\nprint(1)\n",
        "g = lambda print: print(1)\n",
        "[print(1) for print in fs]\n",
        "{print(1): 0 for print in fs}\n",
        "list(print(1) for a in b for print in c)\n",
        "match v:\n    case print:\n        print(1)\n",
        "match v:\n    case [*print]:\n        print(1)\n",
        "match v:\n    case {**print}:\n        print(1)\n",
    ],
)
def test_local_bindings_shadow(source: str) -> None:
    """A local binding of any kind makes the name no builtin.

    Args:
        source: A module ending with a call of a locally bound name.
    """
    assert resolve_calls(source)[-1][1] is None


def test_comprehension_does_not_leak() -> None:
    """A comprehension variable is gone after the comprehension."""
    source = "[print(1) for print in fs]\nprint(2)\n"
    assert [qualified for _, qualified in resolve_calls(source)] == [
        None,
        "builtins.print",
    ]


def test_class_scope_is_invisible_to_methods() -> None:
    """A class attribute does not shadow a builtin inside its methods."""
    source = "class A:\n    print = 1\n\n    def m(self):\n        print(1)\n"
    assert resolve_calls(source)[-1][1] == "builtins.print"


def test_global_binds_at_module_level() -> None:
    """``global`` sends the binding to module scope, seen by later functions."""
    source = (
        "def install():\n    global print\n    print = len\n\n"
        "def use():\n    print(1)\n"
    )
    assert resolve_calls(source)[-1][1] is None


def test_global_reads_module_binding() -> None:
    """Inside a function, a ``global`` name skips the function's own scope."""
    source = "from time import sleep\n\ndef f():\n    global sleep\n    sleep(1)\n"
    assert resolve_calls(source)[-1][1] == "time.sleep"


def test_nonlocal_does_not_bind_locally() -> None:
    """A ``nonlocal`` name refers to the enclosing function's binding."""
    source = (
        "import time\n\ndef outer():\n    sleep = time.sleep\n"
        "    def inner():\n        nonlocal sleep\n        sleep = len\n        sleep(1)\n"
    )
    assert resolve_calls(source)[-1][1] is None


def test_cache_is_invalidated_by_a_new_binding() -> None:
    """A resolution cached for a node is not reused after bindings change."""
    expression = cst.Name("print")
    ancestors: list[cst.CSTNode] = []
    names = NameResolver(describe_file("src/app/x.py", "app"), ancestors)
    assert names.qualified_name(expression) == "builtins.print"
    walk(cst.parse_module("print = len\n"), build_dispatch([names]), ancestors)
    assert names.qualified_name(expression) is None


def test_relative_import_without_module_keeps_dots() -> None:
    """Outside a known package, a relative import stays relative."""
    calls = resolve_calls("from . import x\nx()\n", path="x.py")
    assert calls[-1][1] == ".x"
