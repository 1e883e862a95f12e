"""The base of the rules comparing a ``pyproject.toml`` table with the ruleset's.

The comparison itself is ``domain.config_drift``, which the Ruff pass also
reads (without importing the rules).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.config_drift import TableComparison
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from strictpy.domain.config_drift import KeyPath
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["TableDriftRule"]


class TableDriftRule(ProjectRule):
    """Base of the rules that compare a ``pyproject.toml`` table with the ruleset's (no code of its own).

    Subclasses name the table and return its canonical form; the comparison,
    the missing-table finding and one finding per drifting key are shared.

    Attributes:
        TABLE: The table's key path, such as ``("tool", "ruff")``.
        ACCEPTED: Key paths below the table allowed as extras.
        ORDERED: Key paths below the table whose list order matters.
    """

    TABLE: ClassVar[KeyPath] = ()
    ACCEPTED: ClassVar[frozenset[KeyPath]] = frozenset()
    ORDERED: ClassVar[frozenset[KeyPath]] = frozenset()
    PYPROJECT: ClassVar[str] = "pyproject.toml"

    @classmethod
    @abstractmethod
    def canonical(cls) -> Mapping[str, object]:
        """Return the ruleset's version of the table."""

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each key that differs from the canonical table.

        Args:
            ctx: The project.

        Yields:
            One finding per missing, different or extra key.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        actual = pyproject.table(*self.TABLE)
        if actual is None:
            line = pyproject.lines.anchor_line(*self.TABLE)
            yield self.finding(
                ctx, self.PYPROJECT, line, key="table", problem="is missing"
            )
            return
        comparison = TableComparison(
            pyproject.lines, self.TABLE, accepted=self.ACCEPTED, ordered=self.ORDERED
        )
        for drift in comparison.drift(self.canonical(), actual):
            yield self.finding(
                ctx, self.PYPROJECT, drift.line, key=drift.key, problem=drift.problem
            )
