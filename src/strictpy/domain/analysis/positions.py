"""Positions of chosen nodes, computed only for files that report something.

libcst's ``PositionProvider`` records a range for every node through its metadata
machinery, splitting every token on newlines: it costs more than the parse. The
engine instead walks without positions and, only when a file reports something,
re-generates the module's code once with a code-generation state that notes the
token index where each *target* node starts and ends (nothing else is tracked per
node), then converts token indexes to lines and columns in one pass over the
token lengths. Conventions are ``PositionProvider``'s: syntactic ranges, 1-based
lines, 0-based columns.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Self

from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

if TYPE_CHECKING:
    from collections.abc import Collection
    from types import TracebackType

    import libcst as cst

__all__ = ["compute_positions"]

NEWLINE = re.compile(r"\r\n?|\n")
CODEGEN_RECURSION_LIMIT = 200_000


class _NoRecord:
    """A reusable, do-nothing context manager for nodes nobody asked about."""

    __slots__ = ()

    def __enter__(self) -> None:
        """Enter without recording."""

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Leave without recording.

        Args:
            kind: Exception type, if any.
            error: Exception, if any.
            trace: Traceback, if any.
        """


NO_RECORD = _NoRecord()


class _Record:
    """Records a target's syntactic range in token indexes."""

    __slots__ = ("_node", "_start", "_start_node", "_state")

    def __init__(
        self,
        state: _TokenRecordingState,
        node: cst.CSTNode,
        start_node: cst.CSTNode | None,
    ) -> None:
        """Prepare to record one node.

        Args:
            state: The code-generation state.
            node: The target node.
            start_node: A child whose start is the node's start.
        """
        self._state = state
        self._node = node
        self._start_node = start_node
        self._start = 0

    def __enter__(self) -> Self:
        """Note the start token index.

        Returns:
            This recorder.
        """
        self._start = len(self._state.tokens)
        if self._start_node is not None:
            self._state.target_ids.add(id(self._start_node))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Store the range, hoisting the start from ``start_node`` when given.

        Args:
            kind: Exception type, if any.
            error: Exception, if any.
            trace: Traceback, if any.
        """
        ranges = self._state.ranges
        start = self._start
        if self._start_node is not None and id(self._start_node) in ranges:
            start = ranges[id(self._start_node)][0]
        ranges[id(self._node)] = (start, len(self._state.tokens))


@dataclass
class _TokenRecordingState(CodegenState):
    """A code-generation state that records token ranges of target nodes only.

    Attributes:
        target_ids: ``id()`` of the nodes whose ranges are wanted.
        starts: Whitespace-inclusive start token index of targets being generated.
        ranges: Syntactic (start, end) token indexes of targets, by ``id()``.
    """

    target_ids: set[int] = field(default_factory=set)
    starts: dict[int, int] = field(default_factory=dict)
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)

    def before_codegen(self, node: cst.CSTNode) -> None:
        """Note where a target node's text (with its whitespace) starts.

        Args:
            node: The node about to be generated.
        """
        if id(node) in self.target_ids:
            self.starts[id(node)] = len(self.tokens)

    def after_codegen(self, node: cst.CSTNode) -> None:
        """Record a target's range when it recorded no syntactic range itself.

        Args:
            node: The node just generated.
        """
        key = id(node)
        if key in self.target_ids and key not in self.ranges:
            self.ranges[key] = (
                self.starts.get(key, len(self.tokens)),
                len(self.tokens),
            )

    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _Record | _NoRecord:
        """Return a context manager recording the syntactic range of a target.

        Args:
            node: The node whose syntax is being generated.
            start_node: A child whose start is the node's start.
            end_node: A child whose end is the node's end (the token index at the
                end of the block is used, which is the same place).

        Returns:
            A recorder for targets, a shared no-op otherwise.
        """
        del end_node
        if id(node) not in self.target_ids:
            return NO_RECORD
        return _Record(self, node, start_node)


def compute_positions(
    module: cst.Module, targets: Collection[cst.CSTNode]
) -> dict[cst.CSTNode, CodeRange]:
    """Return the syntactic ranges of target nodes of a module.

    Args:
        module: The parsed module.
        targets: The nodes whose positions are wanted.

    Returns:
        Node to range, with 1-based lines and 0-based columns (libcst's
        convention, as ``PositionProvider`` gives them).
    """
    by_id = {id(node): node for node in targets}
    state = _TokenRecordingState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        target_ids=set(by_id),
    )
    # libcst's code generator recurses once per nesting level; long implicit
    # string concatenations nest tens of thousands deep (pydoc_data/topics.py).
    # Python-to-Python calls do not use the C stack, so a higher limit is safe.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, CODEGEN_RECURSION_LIMIT))
    try:
        module._codegen(state)  # libcst exposes no public entry
    finally:
        sys.setrecursionlimit(limit)
    offsets = [0, *accumulate(map(len, state.tokens))]
    line_starts = [
        0,
        *(match.end() for match in NEWLINE.finditer("".join(state.tokens))),
    ]

    def position(token_index: int) -> CodePosition:
        """Convert a token index into a line and column.

        Args:
            token_index: Index of the token at which the position lies.

        Returns:
            The position.
        """
        # A module without a final newline pops its last token after generation.
        offset = offsets[min(token_index, len(offsets) - 1)]
        line = bisect.bisect_right(line_starts, offset) - 1
        return CodePosition(line + 1, offset - line_starts[line])

    return {
        by_id[key]: CodeRange(position(start), position(end))
        for key, (start, end) in state.ranges.items()
        if key in by_id
    }
