"""Tests for the locating walk: meanings, references and function bodies."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.analysis.names import NameResolver
from strictpy.domain.analysis.walker import build_dispatch, walk
from strictpy.domain.fixes.fix_targets import FixTargets, is_load_name, load_names


def _targets(source: str) -> tuple[cst.Module, FixTargets]:
    """Walk a source with the resolver and the locator.

    Args:
        source: Python source.

    Returns:
        The module and what the locator found.
    """
    module = cst.parse_module(source)
    ancestors: list[cst.CSTNode] = []
    names = NameResolver(describe_file("src/app/m.py", "app"), ancestors)
    targets = FixTargets(names, ancestors)
    walk(module, build_dispatch([names, targets]), ancestors)
    return module, targets


def test_typing_uses_are_resolved() -> None:
    """Names and attributes are resolved through aliases; quoted ones too."""
    _, targets = _targets(
        "import typing as t\nfrom typing import Optional as Opt\n"
        'X: Opt[t.List[int]] = None\nY: "Opt[int]" = None\n'
    )
    assert sorted(targets.resolved.values()) == ["typing.List", "typing.Optional"]
    (quoted,) = targets.quoted.values()
    assert list(quoted.resolved.values()) == ["typing.Optional"]
    assert targets.references["Opt"] == len(["X", "Y"])
    assert targets.resolved_names["Opt"] == len(["X", "Y"])
    assert len(targets.typing_aliases) == 1
    assert len(targets.typing_modules) == 1


def test_all_entries_count_as_references() -> None:
    """``__all__ = ["List"]`` keeps ``List`` referenced."""
    _, targets = _targets('from typing import List\n__all__ = ["List"]\n')
    assert targets.references["List"] == 1
    assert targets.resolved_names["List"] == 0


def test_function_bodies() -> None:
    """Returns and yields belong to their own function, not to nested ones."""
    module, targets = _targets(
        "def outer():\n    def inner():\n        return 1\n    yield\n"
        "    f = lambda: (yield)\n"
    )
    outer = module.body[0]
    assert isinstance(outer, cst.FunctionDef)
    record = targets.functions[id(outer)]
    assert record.yields
    assert not record.returns_value


def test_load_names() -> None:
    """Attribute names, keywords and definitions are not uses."""
    expression = cst.parse_expression("f(List=x.Dict, y=Set)")
    used = sorted(
        node.value for node, _ in load_names(expression) if isinstance(node, cst.Name)
    )
    assert used == ["Set", "f", "x"]
    call = cst.parse_expression("f(a=b)")
    assert isinstance(call, cst.Call)
    assert not is_load_name(call.args[0].keyword, call.args[0])  # type: ignore[arg-type]
