"""The per-file context shared by every rule and analysis of one walk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.analysis.positions import compute_positions
from strictpy.domain.analysis.source import source_lines
from strictpy.domain.findings import Finding, Span

if TYPE_CHECKING:
    from collections.abc import Iterable

    import libcst as cst
    from libcst import CodeRange

    from strictpy.domain.analysis.file_info import FileInfo, RuleOptions
    from strictpy.domain.analysis.names import NameResolver
    from strictpy.domain.analysis.walker import Visitor
    from strictpy.domain.file_rule import FileRule

__all__ = ["FileContext"]


class FileContext:
    """What rules know about the file being walked, and where they report.

    Attributes:
        info: Facts from the file's path.
        options: Configuration values rules read.
        module: The parsed module.
        text: The decoded source.
        ancestors: The ancestors of the node being visited, outermost first.
        names: Import-aware name resolution, when some rule needs it.
        analyses: Shared analyses by kind, created once per file for the rules
            that declare them (``FileRule.ANALYSES``).
    """

    def __init__(
        self,
        info: FileInfo,
        options: RuleOptions,
        module: cst.Module,
        text: str,
        lines: list[str] | None = None,
    ) -> None:
        """Prepare an empty context for one file.

        Args:
            info: Facts from the file's path.
            options: Configuration values rules read.
            module: The parsed module.
            text: The decoded source.
            lines: The source's lines (``source_lines(text)``), when the
                caller has them already.
        """
        self.info = info
        self.options = options
        self.module = module
        self.text = text
        self.ancestors: list[cst.CSTNode] = []
        self.names: NameResolver | None = None
        self.analyses: dict[object, Visitor] = {}
        self._pending: list[
            tuple[type[FileRule], cst.CSTNode | CommentToken, int, dict[str, object]]
        ] = []
        self._wanted: list[cst.CSTNode] = []
        self._positions: dict[cst.CSTNode, CodeRange] = {}
        self._lines = lines

    @property
    def lines(self) -> list[str]:
        """The source's lines without line endings, computed once.

        Returns:
            The lines.
        """
        if self._lines is None:
            self._lines = source_lines(self.text)
        return self._lines

    @property
    def line_count(self) -> int:
        """The number of lines of the file.

        Returns:
            The line count.
        """
        return len(self.lines)

    def add_finding(
        self,
        rule: type[FileRule],
        node: cst.CSTNode | CommentToken,
        line_delta: int,
        fields: dict[str, object],
    ) -> None:
        """Record a finding whose position is resolved after the walk.

        Args:
            rule: The reporting rule's class.
            node: The node or comment token reported.
            line_delta: Lines to add to the node's first line.
            fields: Values for the message template.
        """
        self._pending.append((rule, node, line_delta, fields))

    @property
    def has_findings(self) -> bool:
        """Whether any rule reported so far.

        Returns:
            True when findings are pending.
        """
        return bool(self._pending)

    def release(self) -> None:
        """Drop what ties the context to its analyses and the tree.

        Analyses and the name resolver hold the context, which holds them: a
        reference cycle that would keep the whole syntax tree alive until the
        interpreter's cycle collector ran. Releasing them when the file is done
        lets reference counting free the tree at once.
        """
        self.analyses.clear()
        self.names = None
        self._pending.clear()
        self._wanted.clear()
        self._positions = {}

    def start_analyses(self, rules: Iterable[type[FileRule]]) -> list[Visitor]:
        """Create, once each, the shared analyses that the rules declare.

        Args:
            rules: The file's selected rules.

        Returns:
            The new analyses, to ride the walk ahead of the rules.
        """
        started: list[Visitor] = []
        for rule in rules:
            for factory in rule.ANALYSES:
                if factory not in self.analyses:
                    self.analyses[factory] = factory(self)
                    started.append(self.analyses[factory])
        return started

    def analysis[T: Visitor](self, kind: type[T]) -> T:
        """Return the shared analysis of a kind, started for this file.

        Args:
            kind: The analysis class a rule declared in ``ANALYSES``.

        Raises:
            KeyError: If no selected rule declared the analysis.

        Returns:
            The file's instance of the analysis.
        """
        found = self.analyses.get(kind)
        if not isinstance(found, kind):
            raise KeyError(kind.__name__)
        return found

    def request_position(self, node: cst.CSTNode) -> None:
        """Ask for a node's position to be available after the walk.

        Args:
            node: The node whose line is needed (a fact's line, say).
        """
        self._wanted.append(node)

    def line_of(self, node: cst.CSTNode) -> int | None:
        """Return a requested node's first line, once positions are resolved.

        Args:
            node: A node passed to ``request_position`` or reported.

        Returns:
            The 1-based line, or None when unknown.
        """
        position = self._positions.get(node)
        return position.start.line if position else None

    def resolve_positions(self) -> None:
        """Compute positions once, only if some node needs one."""
        targets = [
            node
            for _, node, _, _ in self._pending
            if not isinstance(node, CommentToken)
        ]
        targets.extend(self._wanted)
        if targets:
            self._positions = compute_positions(self.module, targets, self.text)

    def _span(self, node: cst.CSTNode | CommentToken, line_delta: int) -> Span | None:
        """Return the 1-based span of a reported node.

        Args:
            node: The node or comment token.
            line_delta: Lines to add to the first line (points inside a string).

        Returns:
            The span, or None when the node has no position.
        """
        if isinstance(node, CommentToken):
            return Span(node.line, node.column, node.line, node.end_column)
        position = self._positions.get(node)
        if position is None:
            return None
        start, end = position.start, position.end
        if line_delta:
            line = start.line + line_delta
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            indent = len(text) - len(text.lstrip())
            return Span(line, indent + 1, line, len(text) + 1)
        return Span(start.line, start.column + 1, end.line, end.column + 1)

    def findings(self) -> list[Finding]:
        """Turn the pending reports into findings (after ``resolve_positions``).

        Returns:
            The file's findings in report order.
        """
        results: list[Finding] = []
        lines = self.lines
        path = self.info.path
        # ``fixable`` inspects the rule's examples: once per rule, not per finding.
        fixable: dict[type[FileRule], bool] = {}
        for rule, node, line_delta, fields in self._pending:
            span = self._span(node, line_delta)
            source_line = ""
            if span is not None and 0 < span.line <= len(lines):
                source_line = lines[span.line - 1].strip()
            if rule not in fixable:
                fixable[rule] = rule.fixable()
            results.append(
                Finding(
                    code=rule.CODE,
                    name=rule.NAME,
                    message=rule.format_message(fields),
                    path=path,
                    span=span,
                    severity=rule.SEVERITY,
                    fixable=fixable[rule],
                    fingerprint=source_line,
                )
            )
        return results
