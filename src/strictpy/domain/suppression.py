"""The ``# strictpy: ignore[...]`` grammar and its application to findings.

Suppressions are read from real comments only (``tokenize``), so the text inside a
string never suppresses anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from strictpy.domain.findings import Span

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from strictpy.domain.analysis.comments import CommentToken
    from strictpy.domain.findings import Finding

__all__ = [
    "Suppression",
    "SuppressionPolicy",
    "apply_suppressions",
    "parse_suppressions",
]

DIRECTIVE = re.compile(
    r"#\s*strictpy:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?"
)
FILE_DIRECTIVE_LINES = 10
CODE_TEXT = re.compile(r"^SP\d{0,3}$")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment.

    Attributes:
        line: The comment's line.
        column: The comment's column.
        end_column: The column just after the comment.
        codes: The codes or prefixes it names (empty for a bare directive).
        whole_file: Whether it is ``ignore-file``.
    """

    line: int
    column: int
    end_column: int
    codes: tuple[str, ...]
    whole_file: bool

    def covers(self, finding: Finding) -> str | None:
        """Return the entry that suppresses a finding, if any.

        Args:
            finding: A finding of the same file.

        Returns:
            The matching code or prefix, or None.
        """
        if not self.whole_file and finding.line != self.line:
            return None
        return next(
            (code for code in self.codes if finding.code.startswith(code)), None
        )


def parse_suppressions(comments: Iterable[CommentToken]) -> list[Suppression]:
    """Find the suppression directives among a file's comments.

    Args:
        comments: The file's comments.

    Returns:
        The suppressions in source order.
    """
    found: list[Suppression] = []
    for comment in comments:
        match = DIRECTIVE.search(comment.text)
        if match is None:
            continue
        whole_file = match["kind"] == "ignore-file"
        if whole_file and comment.line > FILE_DIRECTIVE_LINES:
            continue
        raw = match["codes"] or ""
        codes = tuple(part.strip() for part in raw.split(",") if part.strip())
        found.append(
            Suppression(
                comment.line, comment.column, comment.end_column, codes, whole_file
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class SuppressionPolicy:
    """What applying suppressions needs to know about the run.

    Attributes:
        path: The file's project-relative path.
        is_known: Whether a code or prefix names a registered rule.
        is_selected: Whether a code or prefix names a rule enabled for the file.
        make: Builds an engine finding from (code, path, span, fields).
    """

    path: str
    is_known: Callable[[str], bool]
    is_selected: Callable[[str], bool]
    make: Callable[[str, str, Span, dict[str, object]], Finding]


def apply_suppressions(
    findings: Sequence[Finding],
    suppressions: Sequence[Suppression],
    policy: SuppressionPolicy,
) -> list[Finding]:
    """Drop suppressed findings and report bad (SP001) and unused (SP002) ones.

    Args:
        findings: The file's findings.
        suppressions: The file's suppression comments.
        policy: The run's facts needed to judge suppressions.

    Returns:
        The findings that remain, with SP001/SP002 findings added.
    """
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hit = None
        for index, suppression in enumerate(suppressions):
            entry = suppression.covers(finding)
            if entry is not None:
                hit = (index, entry)
                break
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    for index, suppression in enumerate(suppressions):
        span = Span(
            suppression.line,
            suppression.column,
            suppression.line,
            suppression.end_column,
        )
        if not suppression.codes:
            kept.append(
                policy.make("SP001", policy.path, span, {"problem": "names no code"})
            )
            continue
        for code in suppression.codes:
            if not CODE_TEXT.match(code) or not policy.is_known(code):
                problem = f"names unknown code '{code}'"
                kept.append(
                    policy.make("SP001", policy.path, span, {"problem": problem})
                )
            elif (index, code) not in used and policy.is_selected(code):
                kept.append(policy.make("SP002", policy.path, span, {"entry": code}))
    return kept
