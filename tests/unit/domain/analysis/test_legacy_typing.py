"""Tests for the shared legacy-typing detection (quoted annotations)."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.rules.sp2_typing.legacy_typing import (
    ABC_NAMES,
    GENERIC_ALIASES,
    quoted_annotation_nodes,
)


def test_tables() -> None:
    """The tables map typing names to their modern spelling."""
    assert GENERIC_ALIASES["typing.List"] == "list"
    assert ABC_NAMES["typing.AbstractSet"] == "collections.abc.Set"


def test_quoted_annotation_nodes() -> None:
    """A quoted annotation is parsed into nodes; garbage yields nothing."""
    names = [
        node.value
        for node in quoted_annotation_nodes(cst.SimpleString('"Optional[Set[int]]"'))
        if isinstance(node, cst.Name)
    ]
    assert names == ["Optional", "Set", "int"] or set(names) == {
        "Optional",
        "Set",
        "int",
    }
    assert list(quoted_annotation_nodes(cst.SimpleString('"not valid ["'))) == []
    assert list(quoted_annotation_nodes(cst.SimpleString('b"bytes"'))) == []
