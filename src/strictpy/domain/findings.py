"""Findings: the immutable value objects every rule produces and every renderer reads.

Both classes are built and pickled through their slots (``utils.slot_init``):
tens of thousands are made per run, and cross from the workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strictpy.domain.codes import Severity
from strictpy.utils.slot_init import stores_through_slots

__all__ = ["Finding", "Span", "sort_key"]


@stores_through_slots
@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based region of a file.

    Attributes:
        line: First line, 1-based.
        column: First column, 1-based.
        end_line: Last line, 1-based.
        end_column: Column just after the region, 1-based.
    """

    line: int
    column: int
    end_line: int
    end_column: int


@stores_through_slots
@dataclass(frozen=True, slots=True)
class Finding:
    """One violation of one rule at one place.

    Attributes:
        code: The rule code, or ruff's own code when ``source`` is ``ruff``.
        name: The rule's slug.
        message: The rendered one-line message.
        path: Path relative to the project root, with ``/`` separators.
        span: Where in the file, or None for a whole or missing file.
        severity: How serious the finding is.
        fixable: Whether ``--fix`` can repair it.
        source: ``strictpy`` or ``ruff``.
        fingerprint: Text that identifies the finding independent of its line.
    """

    code: str
    name: str
    message: str
    path: str
    span: Span | None = None
    severity: Severity = Severity.ERROR
    fixable: bool = False
    source: str = "strictpy"
    fingerprint: str = field(default="", compare=False)

    @property
    def line(self) -> int | None:
        """The first line of the finding, or None for a whole file.

        Returns:
            The 1-based line, or None.
        """
        return self.span.line if self.span else None


def sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    """Order findings by path, line, column, code (documented output order).

    Args:
        finding: The finding to order.

    Returns:
        A key that sorts whole-file findings first within a path.
    """
    span = finding.span
    if span is None:
        return (finding.path, 0, 0, finding.code, finding.message)
    return (finding.path, span.line, span.column, finding.code, finding.message)
