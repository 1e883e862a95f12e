"""Where a Python fix may act: the lines the audit reported, per code.

A fix repairs what the audit reported and nothing else: a finding suppressed
with ``# strictpy: ignore[...]`` (or ignored for the file) was not reported, so
its line is not in the scope and the node on it is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FixScope", "has_comment", "needs_parentheses"]


@dataclass(frozen=True, slots=True)
class FixScope:
    """The reported lines per code, and the lines of the located nodes.

    Attributes:
        wanted: Code to the 1-based lines where it was reported.
        lines: ``id`` of a located node to its first line.
    """

    wanted: Mapping[str, frozenset[int]]
    lines: Mapping[int, int]

    def allows(self, code: str, node: cst.CSTNode) -> bool:
        """Tell whether a finding of a code was reported on a node's line.

        Args:
            code: The rule code.
            node: A located node.

        Returns:
            True when the node's first line carries a reported finding.
        """
        line = self.lines.get(id(node))
        return line is not None and line in self.wanted.get(code, frozenset())

    def wants(self, code: str) -> bool:
        """Tell whether any finding of a code is to be fixed.

        Args:
            code: The rule code.

        Returns:
            True when the code was reported somewhere in the file.
        """
        return bool(self.wanted.get(code))


def has_comment(node: cst.CSTNode) -> bool:
    """Tell whether a subtree holds a comment (rebuilding it would drop it).

    Args:
        node: The subtree's root.

    Returns:
        True when some ``Comment`` node is below it.
    """
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.Comment):
            return True
        pending.extend(current.children)
    return False


def needs_parentheses(parent: cst.CSTNode | None, node: cst.CSTNode) -> bool:
    """Tell whether an ``X | Y`` put in a node's place needs parentheses.

    Args:
        parent: The node's parent.
        node: The node being replaced (a ``Union[...]`` subscript).

    Returns:
        True where ``|`` would bind less tightly than the surrounding syntax
        (``Optional[int].__args__``, ``-Optional[int]``, ``A + Optional[B]``).
    """
    if isinstance(parent, (cst.Attribute, cst.Subscript)):
        return parent.value is node
    if isinstance(parent, cst.Call):
        return parent.func is node
    if isinstance(parent, cst.BinaryOperation):
        return not isinstance(parent.operator, cst.BitOr)
    return isinstance(parent, (cst.Await, cst.UnaryOperation))
