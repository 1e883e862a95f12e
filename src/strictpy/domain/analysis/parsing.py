"""Parsing source text with libcst, skipping re-validation of the parser's output.

libcst validates every node in ``__post_init__`` as it is constructed; for a tree
the native parser has just built from real source that check can only confirm
what the parser already guaranteed, and it costs about a sixth of the parse
(libcst's own code carries a note to move it out of parsing). Validation is
suspended only for the duration of one ``parse_module`` call in this process and
restored afterwards, so nodes built later (fixes) are still validated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst
from libcst._nodes.base import CSTNode

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["parse_trusted"]

VALIDATING_POST_INIT: Callable[[CSTNode], None] = CSTNode.__post_init__


def _skip_validation(node: CSTNode) -> None:
    """Stand in for ``CSTNode.__post_init__`` while the parser builds a tree.

    Args:
        node: The node being constructed.
    """
    del node


def parse_trusted(text: str) -> cst.Module:
    """Parse a module without re-validating the nodes the parser builds.

    Args:
        text: Decoded Python source.

    Returns:
        The module.
    """
    CSTNode.__post_init__ = _skip_validation  # type: ignore[method-assign]
    try:
        return cst.parse_module(text)
    finally:
        CSTNode.__post_init__ = VALIDATING_POST_INIT  # type: ignore[method-assign]
