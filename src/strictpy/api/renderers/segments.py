"""Reports written as a head, one segment per file, and a tail.

The line-oriented formats (rich, concise, json, github) render each file's
findings independently of the others; only the head and the tail depend on the
whole report (counts by code, totals). Rendering them as separate pieces lets a
run after a small edit copy the unchanged files' segments from the last report
instead of decoding and rendering their findings again
(``strictpy.api.segmented_report``).
"""

from __future__ import annotations

import abc
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from rich.console import Console

    from strictpy.domain.findings import Finding
    from strictpy.services.audit import AuditReport

__all__ = [
    "LineWriter",
    "SegmentWriter",
    "Summary",
    "render_in_segments",
    "summarize",
]


@dataclass(frozen=True, slots=True)
class Summary:
    """What the head and the tail of a report show about the whole of it.

    Attributes:
        findings: How many findings the report holds.
        files_checked: How many Python files were checked.
        fixed: How many findings ``--fix`` repaired.
        by_code: Findings per code.
        names: The name of each code.
    """

    findings: int
    files_checked: int
    fixed: int
    by_code: Mapping[str, int]
    names: Mapping[str, str]


class SegmentWriter(abc.ABC):
    """A format written as head, segments and tail (no head or tail by default).

    Attributes:
        LEAD: Text every segment starts each finding with that the body as a
            whole must not start with (the JSON array's separator).
    """

    LEAD = ""

    def head(self, summary: Summary, console: Console) -> None:
        """Write what comes before the first file's segment (nothing here).

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        del summary, console

    @abc.abstractmethod
    def segment(
        self,
        path: str,
        findings: Sequence[Finding],
        excerpt: Mapping[int, str],
        console: Console,
    ) -> str:
        """Render one file's findings.

        Args:
            path: The file's path.
            findings: Its findings, in report order.
            excerpt: Its source lines around the findings, by line number.
            console: The console the report goes to (colours, width).

        Returns:
            The segment's text, each finding starting with ``LEAD``.
        """

    def tail(self, summary: Summary, console: Console) -> None:
        """Write what comes after the last file's segment (nothing here).

        Args:
            summary: The whole report's counts.
            console: Where to write.
        """
        del summary, console


class LineWriter(SegmentWriter):
    """A format of one line per finding (no head and no tail unless a subclass adds them)."""

    def __init__(
        self, line: Callable[[Finding], str], *, before: str = "", after: str = "\n"
    ) -> None:
        """Keep the function that formats one finding and what surrounds it.

        Args:
            line: Formats a finding as one line (without its newline).
            before: Text written before each finding's line.
            after: Text written after each finding's line.
        """
        self._line = line
        self._before = before
        self._after = after

    def segment(
        self,
        path: str,
        findings: Sequence[Finding],
        excerpt: Mapping[int, str],
        console: Console,
    ) -> str:
        """Render one file's findings, a line each.

        Args:
            path: The file's path.
            findings: Its findings.
            excerpt: Unused: the format shows no code.
            console: Unused: nothing is styled.

        Returns:
            The lines.
        """
        del path, excerpt, console
        line, before, after = self._line, self._before, self._after
        return "".join(before + line(finding) + after for finding in findings)


def summarize(
    report: AuditReport, kept: Iterable[tuple[Mapping[str, int], Mapping[str, str]]]
) -> Summary:
    """Count a report's findings, adding those of segments reused as they were.

    Args:
        report: The report (its findings leave out the kept files).
        kept: (counts by code, names by code) of each kept file's segment.

    Returns:
        The summary.
    """
    by_code = Counter(finding.code for finding in report.findings)
    names = {finding.code: finding.name for finding in report.findings}
    for counts, kept_names in kept:
        by_code.update(counts)
        for code in counts:
            names.setdefault(code, kept_names.get(code, code))
    return Summary(
        findings=sum(by_code.values()),
        files_checked=report.files_checked,
        fixed=report.fixed,
        by_code=MappingProxyType(dict(sorted(by_code.items()))),
        names=MappingProxyType(names),
    )


def render_in_segments(
    writer: SegmentWriter, report: AuditReport, console: Console
) -> None:
    """Write a whole report through a segment writer (no reuse).

    Args:
        writer: The format.
        report: The report.
        console: Where to write.
    """
    summary = summarize(report, ())
    writer.head(summary, console)
    write = console.file.write
    for index, (path, group) in enumerate(
        groupby(report.findings, key=lambda finding: finding.path)
    ):
        text = writer.segment(
            path, list(group), dict(report.excerpts.get(path, ())), console
        )
        # The body must not open with the separator between findings.
        write(text.removeprefix(writer.LEAD) if index == 0 else text)
    writer.tail(summary, console)
