"""Parsing source text with libcst, building nodes without re-checking the parser.

libcst's nodes are frozen dataclasses with slots. Every node the native parser
builds goes through the dataclass ``__init__``, which stores each field with
``object.__setattr__`` (frozen classes refuse plain assignment) and then calls
``__post_init__``, which validates the node. For a tree the parser has just
built from real source, validation can only confirm what the parser already
guaranteed (libcst's own code carries a note to move it out of parsing), and
the generic attribute store costs more than the slot's own.

So, while a tree is parsed, each node class's ``__init__`` is replaced by one
generated from its dataclass fields: the same parameters and defaults, each
value stored through its slot's descriptor, no validation. The original
initialisers are restored afterwards, so nodes built later (fixes) are
validated as before. Swapping a class's ``__init__`` is itself costly (the
interpreter updates the type's slots), so a pass over many files that builds no
nodes of its own wraps them all in one ``trusted_construction`` block instead of
swapping per file. The initialisers come from ``utils.slot_init``; a class
whose fields are not all plain slots keeps its own initialiser, with validation
suspended.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from typing import TYPE_CHECKING

import libcst as cst
from libcst._nodes.base import CSTNode

from strictpy.utils.classes import subclasses_of
from strictpy.utils.slot_init import storing_initialiser

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["parse_trusted", "trusted_construction"]

VALIDATING_POST_INIT: Callable[[CSTNode], None] = CSTNode.__post_init__

type Initialisers = tuple[tuple[type[CSTNode], Callable[..., None]], ...]


def _skip_validation(node: CSTNode) -> None:
    """Stand in for ``CSTNode.__post_init__`` while the parser builds a tree.

    Args:
        node: The node being constructed.
    """
    del node


def _node_classes() -> list[type[CSTNode]]:
    """List the concrete node classes: slotted dataclasses with an initialiser.

    Returns:
        Every such subclass of ``CSTNode`` defined so far.
    """
    # ``add_slots`` replaces each dataclass with a slotted copy; the discarded
    # originals still appear among the subclasses and are never instantiated.
    return [
        cls
        for cls in subclasses_of(CSTNode)
        if "__slots__" in cls.__dict__
        and "__init__" in cls.__dict__
        and dataclasses.is_dataclass(cls)
    ]


@functools.cache
def _initialisers() -> tuple[Initialisers, Initialisers]:
    """Pair each node class with its storing initialiser and its own.

    Returns:
        The storing initialisers and the originals, for the same classes.
    """
    storing: list[tuple[type[CSTNode], Callable[..., None]]] = []
    original: list[tuple[type[CSTNode], Callable[..., None]]] = []
    for cls in _node_classes():
        initialiser = storing_initialiser(cls)
        if initialiser is not None:
            storing.append((cls, initialiser))
            original.append((cls, cls.__dict__["__init__"]))
    return tuple(storing), tuple(original)


class _Nesting:
    """How many ``trusted_construction`` blocks are open in this process."""

    depth = 0


@contextlib.contextmanager
def trusted_construction() -> Iterator[None]:
    """Build nodes with the storing initialisers, unvalidated, inside the block.

    Nested blocks swap nothing: the outermost one installs the initialisers and
    restores the originals when it ends, whatever happens inside.

    Yields:
        Nothing; nodes built in the block skip validation.
    """
    if _Nesting.depth:
        _Nesting.depth += 1
        try:
            yield
        finally:
            _Nesting.depth -= 1
        return
    storing, original = _initialisers()
    CSTNode.__post_init__ = _skip_validation  # type: ignore[method-assign]
    for cls, initialiser in storing:
        cls.__init__ = initialiser  # type: ignore[misc]
    _Nesting.depth = 1
    try:
        yield
    finally:
        _Nesting.depth = 0
        for cls, initialiser in original:
            cls.__init__ = initialiser  # type: ignore[misc]
        CSTNode.__post_init__ = VALIDATING_POST_INIT  # type: ignore[method-assign]


def parse_trusted(text: str) -> cst.Module:
    """Parse a module without re-validating the nodes the parser builds.

    Args:
        text: Decoded Python source.

    Returns:
        The module.
    """
    with trusted_construction():
        return cst.parse_module(text)
