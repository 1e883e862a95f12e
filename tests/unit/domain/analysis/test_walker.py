"""Tests for the shared read-only walk and handler dispatch."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.walker import (
    Visitor,
    build_dispatch,
    child_nodes,
    leaves,
    visits,
    walk,
)


class Recorder(Visitor):
    """Records the order of enter and leave events."""

    def __init__(self) -> None:
        """Start with no events."""
        self.events: list[str] = []
        self.depths: list[int] = []
        self.ancestors: list[cst.CSTNode] = []

    @visits(cst.FunctionDef)
    def enter_function(self, node: cst.FunctionDef) -> None:
        """Record entering a function.

        Args:
            node: The function.
        """
        self.events.append(f"enter {node.name.value}")
        self.depths.append(len(self.ancestors))

    @leaves(cst.FunctionDef)
    def leave_function(self, node: cst.FunctionDef) -> None:
        """Record leaving a function.

        Args:
            node: The function.
        """
        self.events.append(f"leave {node.name.value}")


def test_walk_calls_handlers_in_depth_first_order() -> None:
    """Nested functions are entered after and left before their parent."""
    module = cst.parse_module("def outer():\n    def inner():\n        return 1\n")
    recorder = Recorder()
    count = walk(module, build_dispatch([recorder]), recorder.ancestors)
    assert recorder.events == [
        "enter outer",
        "enter inner",
        "leave inner",
        "leave outer",
    ]
    assert recorder.depths[0] < recorder.depths[1]
    assert recorder.ancestors == []
    assert count > 0


def test_child_nodes_skip_trivia() -> None:
    """Whitespace, comments and punctuation are not walked."""
    module = cst.parse_module("x = (1,  2)  # note\n")
    seen: list[type[cst.CSTNode]] = []
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        seen.append(type(node))
        pending.extend(child_nodes(node))
    assert cst.Integer in seen
    assert cst.Comment not in seen
    assert cst.Comma not in seen
    assert cst.SimpleWhitespace not in seen


def test_dispatch_reports_wanted_types() -> None:
    """``wants`` tells which node types have handlers."""
    dispatch = build_dispatch([Recorder()])
    assert dispatch.wants(cst.FunctionDef)
    assert not dispatch.wants(cst.ClassDef)


def test_deep_nesting_does_not_exhaust_recursion() -> None:
    """The walk is iterative: a deeply nested tree is walked completely."""
    depth = 300
    module = cst.parse_module("x = " + "[" * depth + "]" * depth + "\n")
    recorder = Recorder()
    assert walk(module, build_dispatch([recorder]), recorder.ancestors) > depth
