"""The base class of file rules: visitors run on every Python file in one shared walk."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.analysis.walker import Visitor, leaves, visits
from strictpy.domain.codes import Scope
from strictpy.domain.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Callable

    import libcst as cst

    from strictpy.domain.analysis.context import FileContext

__all__ = ["FileRule", "leaves", "visits"]


class FileRule(Rule, Visitor):
    """A rule that runs on every Python file during the single shared walk.

    Handlers are methods marked with :func:`visits` or :func:`leaves`; the engine
    calls them for matching nodes. ``report`` records a finding; positions are
    resolved afterwards, only for files that reported something.

    Attributes:
        NEEDS_NAMES: Whether the rule reads ``ctx.names`` (import resolution).
        ANALYSES: Shared analyses the rule reads through ``ctx.analysis(kind)``;
            the engine creates each once per file and walks it before the rules.
        COMMENT_HINT: For a rule that handles comments: a cheap test of a
            file's whole text that is true whenever the text holds a comment the
            rule could report. Comments are read with ``tokenize`` (about a tenth
            of a file's check) only when some selected rule's hint is true;
            None means always.
    """

    SCOPE: ClassVar[Scope] = Scope.FILE
    NEEDS_NAMES: ClassVar[bool] = False
    ANALYSES: ClassVar[tuple[Callable[[FileContext], Visitor], ...]] = ()
    COMMENT_HINT: ClassVar[Callable[[str], bool] | None] = None

    def __init__(self, ctx: FileContext) -> None:
        """Bind the rule to the file being checked.

        Args:
            ctx: The per-file context shared by every rule of the walk.
        """
        self.ctx = ctx

    def report(
        self, node: cst.CSTNode | object, *, line_delta: int = 0, **fields: object
    ) -> None:
        """Record a finding at a node (or comment token).

        Args:
            node: The node or comment token the finding is about.
            line_delta: Lines to add to the node's first line (inside strings).
            **fields: Values for the rule's message template.
        """
        self.ctx.add_finding(type(self), node, line_delta, fields)
