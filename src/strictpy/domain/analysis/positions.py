"""Positions of chosen nodes, computed only for files that report something.

libcst's ``PositionProvider`` records a range for every node through its metadata
machinery, splitting every token on newlines: it costs more than the parse. The
engine instead walks without positions and, only when a file reports something,
generates code with a code-generation state that notes the token index where
each *target* node starts and ends (nothing else is tracked per node), then
converts token indexes to lines and columns in one pass over the token lengths.
Conventions are ``PositionProvider``'s: syntactic ranges, 1-based lines, 0-based
columns.

Given the source text, only small pieces are generated: ``statement_anchors``
pairs libcst's statements with those of the interpreter's ``ast`` (a tenth of
libcst's parse time), which gives the line where each statement starts. Wanted
statements and clauses ending with a block are positioned from those lines
alone; other wanted nodes by generating the one statement line or compound
statement header that holds them. Whenever the two parsers disagree, or a node
is not found where it is looked for, the whole module is generated instead.
"""

from __future__ import annotations

import ast
import bisect
import re
import sys
import warnings
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Self

from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

from strictpy.domain.analysis.code_pieces import AnchorError, GenerationStop
from strictpy.domain.analysis.statement_anchors import locate
from strictpy.utils.collector import collector_paused

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence
    from types import TracebackType

    import libcst as cst

    from strictpy.domain.analysis.statement_anchors import Unit

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

        Nothing is stored when generation stopped inside the node (a unit's
        generation stops where its body starts).

        Args:
            kind: Exception type, if any.
            error: Exception, if any.
            trace: Traceback, if any.
        """
        if kind is not None:
            return
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


@dataclass
class _UnitState(_TokenRecordingState):
    """A recording state for one unit: stops at its body, notes its anchor.

    Attributes:
        stop_id: ``id()`` of the node before whose code generation stops.
        anchor_id: ``id()`` of the node whose syntactic start is the anchor.
        anchor_index: The anchor's token index, once generated.
    """

    stop_id: int = 0
    anchor_id: int = 0
    anchor_index: int = -1

    def before_codegen(self, node: cst.CSTNode) -> None:
        """Stop at the unit's body; else note where a target's text starts.

        Args:
            node: The node about to be generated.

        Raises:
            GenerationStop: When the node is where the unit stops.
        """
        key = id(node)
        if key == self.stop_id:
            raise GenerationStop
        if key in self.target_ids:
            self.starts[key] = len(self.tokens)

    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _Record | _NoRecord:
        """Note the anchor's start, then record as the whole-module state does.

        Args:
            node: The node whose syntax is being generated.
            start_node: A child whose start is the node's start.
            end_node: A child whose end is the node's end.

        Returns:
            A recorder for targets, a shared no-op otherwise.
        """
        if id(node) == self.anchor_id:
            self.anchor_index = len(self.tokens)
        return super().record_syntactic_position(
            node, start_node=start_node, end_node=end_node
        )


class _Locator:
    """Converts token indexes of generated code to lines and columns."""

    def __init__(self, tokens: Sequence[str]) -> None:
        """Index the generated code.

        Args:
            tokens: The generated tokens.
        """
        self.offsets = [0, *accumulate(map(len, tokens))]
        self.line_starts = [
            0,
            *(match.end() for match in NEWLINE.finditer("".join(tokens))),
        ]

    def position(self, token_index: int) -> tuple[int, int]:
        """Convert a token index into a 0-based line and a column.

        Args:
            token_index: Index of the token at which the position lies.

        Returns:
            The line (0-based) and column.
        """
        # A module without a final newline pops its last token after generation.
        offset = self.offsets[min(token_index, len(self.offsets) - 1)]
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line, offset - self.line_starts[line]


def _whole_module(
    module: cst.Module, by_id: dict[int, cst.CSTNode]
) -> dict[cst.CSTNode, CodeRange]:
    """Position targets by generating the whole module's code.

    Args:
        module: The parsed module.
        by_id: The targets by ``id()``.

    Returns:
        Node to range.
    """
    state = _TokenRecordingState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        target_ids=set(by_id),
    )
    module._codegen(state)  # libcst exposes no public entry
    locator = _Locator(state.tokens)

    def position(token_index: int) -> CodePosition:
        """Convert a token index into a line and column.

        Args:
            token_index: Index of the token at which the position lies.

        Returns:
            The position.
        """
        line, column = locator.position(token_index)
        return CodePosition(line + 1, column)

    return {
        by_id[key]: CodeRange(position(start), position(end))
        for key, (start, end) in state.ranges.items()
        if key in by_id
    }


def _faithful(text: str) -> bool:
    """Tell whether libcst generates exactly the text, as far as can be seen.

    Positions are libcst's, in the code it generates; they may be read from
    the text only when that code is the text. It is not where the text has a
    form feed, a newline that is a lone carriage return, or a backslash
    continuation with nothing before it on its line (libcst drops them), nor
    when the comments and blank lines that end the file include an indented
    line (libcst may drop some of those lines). A byte-order mark would shift
    ``ast`` columns.

    Args:
        text: The source.

    Returns:
        False when the text has a construct libcst does not reproduce.
    """
    if (
        "\f" in text
        or text.startswith("\ufeff")
        or text.count("\r") != text.count("\r\n")
    ):
        return False
    for continuation in ("\\\n", "\\\r\n"):
        found = text.find(continuation)
        while found >= 0:
            if not text[text.rfind("\n", 0, found) + 1 : found].strip(" \t"):
                return False
            found = text.find(continuation, found + 1)
    end = len(text)
    while True:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip("\r")
        content = line.lstrip(" \t")
        if content and not content.startswith("#"):
            return True
        if content != line:
            return False
        if not start:
            return True
        end = start - 1


def _python_tree(text: str) -> ast.Module | None:
    """Parse with the interpreter's parser, quietly.

    Args:
        text: The source.

    Returns:
        The ``ast`` module, or None when the interpreter rejects the source.
    """
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like warn once per parse.
            warnings.simplefilter("ignore")
            return compile(
                text, "<positions>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True
            )
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _generate_unit(
    module: cst.Module,
    unit: Unit,
    target_ids: set[int],
    found: dict[int, tuple[int, int, int, int]],
) -> None:
    """Generate one unit's code and store its targets' ranges.

    Args:
        module: The parsed module.
        unit: The unit.
        target_ids: ``id()`` of all targets.
        found: Ranges as (line, column, end line, end column), filled in.

    Raises:
        AnchorError: If the anchor was not generated or is misplaced.
    """
    state = _UnitState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        target_ids=target_ids,
        stop_id=id(unit.stop) if unit.stop is not None else 0,
        anchor_id=id(unit.anchor) if unit.anchor is not None else 0,
    )
    state.indent_tokens = list(unit.indents)
    stopped = False
    try:
        if unit.is_elif:
            unit.node._codegen(state, is_elif=True)  # libcst exposes no public entry
        else:
            unit.node._codegen(state)  # libcst exposes no public entry
    except GenerationStop:
        stopped = True
    if (unit.stop is not None) != stopped:
        raise AnchorError
    anchor_index = len(state.tokens) if unit.anchor is None else state.anchor_index
    if anchor_index < 0:
        raise AnchorError
    locator = _Locator(state.tokens)
    anchor_line, anchor_column = locator.position(anchor_index)
    if unit.anchor is None and anchor_column:
        raise AnchorError
    shift = unit.line - anchor_line
    for key, (start, end) in state.ranges.items():
        line, column = locator.position(start)
        end_line, end_column = locator.position(end)
        found.setdefault(key, (line + shift, column, end_line + shift, end_column))


def _from_anchors(
    module: cst.Module, by_id: dict[int, cst.CSTNode], text: str
) -> dict[cst.CSTNode, CodeRange] | None:
    """Position targets by generating only the statements that hold them.

    Args:
        module: The parsed module.
        by_id: The targets by ``id()``.
        text: The source the module was parsed from.

    Returns:
        Node to range, or None when the whole module must be generated.
    """
    if not _faithful(text):
        return None
    # The ``ast`` tree has a node per token or so and no reference cycles; with
    # the libcst tree alive, the collector's passes over the new nodes would
    # cost a third of the parse. They are all freed before collection resumes.
    with collector_paused():
        found = _anchored_spans(module, by_id, text)
    if found is None:
        return None
    return _ranges(module, by_id, found[0], found[1], text)


def _anchored_spans(
    module: cst.Module, by_id: dict[int, cst.CSTNode], text: str
) -> tuple[dict[int, tuple[int, int, int, int]], int] | None:
    """Find the targets' ranges from ``ast`` lines and small generated pieces.

    Args:
        module: The parsed module.
        by_id: The targets by ``id()``.
        text: The source the module was parsed from.

    Returns:
        (line, column, end line, end column) by ``id()``, with the line where
        the module ends; or None when the whole module must be generated.
    """
    ids = set(by_id)
    ids.discard(id(module))
    tree = _python_tree(text)
    if tree is None:
        return None
    try:
        layout = locate(module, tree, [by_id[key] for key in ids], text)
        found = dict(layout.spans)
        for unit in layout.units.values():
            _generate_unit(module, unit, ids, found)
    except AnchorError:
        return None
    if not ids.issubset(found):
        return None
    return found, layout.end_line


def _ranges(
    module: cst.Module,
    by_id: dict[int, cst.CSTNode],
    found: dict[int, tuple[int, int, int, int]],
    end_line: int,
    text: str,
) -> dict[cst.CSTNode, CodeRange]:
    """Build the ranges of the targets, the module's own included.

    Args:
        module: The parsed module.
        by_id: The targets by ``id()``.
        found: Ranges as (line, column, end line, end column) by ``id()``.
        end_line: The line where the module ends (after the newline libcst
            adds to a file without one).
        text: The source.

    Returns:
        Node to range.
    """
    last_break = max(text.rfind("\n"), text.rfind("\r")) + 1
    text_end = CodePosition(end_line, 0)
    if not module.has_trailing_newline:
        # The newline libcst added is not in the text: its end is the text's.
        text_end = CodePosition(end_line - 1, len(text) - last_break)
    virtual_end = (end_line, 0)

    def position(line: int, column: int) -> CodePosition:
        """Build a position, moving the added newline's end to the text's end.

        Args:
            line: The 1-based line.
            column: The column.

        Returns:
            The position.
        """
        if (line, column) == virtual_end:
            return text_end
        return CodePosition(line, column)

    ranges = {
        by_id[key]: CodeRange(position(line, column), position(end_line, end_column))
        for key, (line, column, end_line, end_column) in found.items()
        if key in by_id
    }
    if id(module) in by_id:
        ranges[module] = CodeRange(CodePosition(1, 0), text_end)
    return ranges


def compute_positions(
    module: cst.Module, targets: Collection[cst.CSTNode], text: str | None = None
) -> dict[cst.CSTNode, CodeRange]:
    """Return the syntactic ranges of target nodes of a module.

    Args:
        module: The parsed module.
        targets: The nodes whose positions are wanted.
        text: The source the module was parsed from; without it, the whole
            module's code is generated.

    Returns:
        Node to range, with 1-based lines and 0-based columns (libcst's
        convention, as ``PositionProvider`` gives them).
    """
    by_id = {id(node): node for node in targets}
    # libcst's code generator recurses once per nesting level; long implicit
    # string concatenations nest tens of thousands deep (pydoc_data/topics.py).
    # Python-to-Python calls do not use the C stack, so a higher limit is safe.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, CODEGEN_RECURSION_LIMIT))
    try:
        if text is not None:
            ranges = _from_anchors(module, by_id, text)
            if ranges is not None:
                return ranges
        return _whole_module(module, by_id)
    finally:
        sys.setrecursionlimit(limit)
