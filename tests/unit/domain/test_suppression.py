"""Tests for suppression comments."""

from __future__ import annotations

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.findings import Finding, Span
from strictpy.domain.suppression import (
    SuppressionPolicy,
    apply_suppressions,
    parse_suppressions,
)

KNOWN = ("SP101", "SP102", "SP301")


def _make(code: str, path: str, span: Span, fields: dict[str, object]) -> Finding:
    """Build an engine finding for the tests.

    Args:
        code: The code.
        path: The path.
        span: The span.
        fields: Message fields.

    Returns:
        The finding.
    """
    return Finding(code, "engine", str(fields), path, span)


POLICY = SuppressionPolicy(
    path="a.py",
    is_known=lambda code: any(known.startswith(code) for known in KNOWN),
    is_selected=lambda code: code != "SP301",
    make=_make,
)


def _finding(code: str, line: int) -> Finding:
    """Build a rule finding on a line.

    Args:
        code: The code.
        line: The line.

    Returns:
        The finding.
    """
    return Finding(code, "rule", "m", "a.py", Span(line, 1, line, 2))


def test_parse_line_and_file_directives() -> None:
    """Codes are split and file directives only count in the first lines."""
    comments = [
        CommentToken("# strictpy: ignore[SP101, SP102]", 3, 5),
        CommentToken("# strictpy: ignore-file[SP3]", 2, 1),
        CommentToken("# strictpy: ignore-file[SP1]", 40, 1),
        CommentToken("# unrelated", 4, 1),
    ]
    parsed = parse_suppressions(comments)
    assert [(s.line, s.codes, s.whole_file) for s in parsed] == [
        (3, ("SP101", "SP102"), False),
        (2, ("SP3",), True),
    ]


def test_suppressed_unused_and_bad() -> None:
    """Suppressed findings vanish; unused and bad entries are reported."""
    suppressions = parse_suppressions(
        [
            CommentToken("# strictpy: ignore[SP101,SP102]", 1, 5),
            CommentToken("# strictpy: ignore", 2, 5),
            CommentToken("# strictpy: ignore[SP999]", 3, 5),
            CommentToken("# strictpy: ignore[SP301]", 4, 5),
        ]
    )
    kept = apply_suppressions(
        [_finding("SP101", 1), _finding("SP102", 5)], suppressions, POLICY
    )
    codes = sorted((f.code, f.line) for f in kept)
    assert codes == [("SP001", 2), ("SP001", 3), ("SP002", 1), ("SP102", 5)]


def test_file_directive_suppresses_every_line() -> None:
    """An ignore-file prefix covers every finding of the file."""
    suppressions = parse_suppressions(
        [CommentToken("# strictpy: ignore-file[SP1]", 1, 1)]
    )
    assert apply_suppressions([_finding("SP101", 30)], suppressions, POLICY) == []
