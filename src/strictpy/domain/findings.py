"""Findings: the immutable value objects every rule produces and every renderer reads.

Worker processes send their findings to the main process pickled. Pickle
restores a frozen dataclass with slots through a generic ``__setstate__`` that
looks up the class's fields again for every object; ``Span`` and ``Finding``
instead reduce to a call of the class with their field values, which unpickles
several times faster (tens of thousands of findings cross per run).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strictpy.domain.codes import Severity
from strictpy.utils.slot_init import stores_through_slots

__all__ = ["Finding", "Span", "sort_key"]

type FindingValues = tuple[str, str, str, str, Span | None, Severity, bool, str, str]


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

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, int, int]]:
        """Pickle as a call of the class with the field values.

        Returns:
            The class and its arguments.
        """
        return (Span, (self.line, self.column, self.end_line, self.end_column))


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

    def __reduce__(self) -> tuple[type[Finding], FindingValues]:
        """Pickle as a call of the class with the field values.

        Returns:
            The class and its arguments, in field order.
        """
        return (
            Finding,
            (
                self.code,
                self.name,
                self.message,
                self.path,
                self.span,
                self.severity,
                self.fixable,
                self.source,
                self.fingerprint,
            ),
        )

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
