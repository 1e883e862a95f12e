"""Tests for the per-file context: lazy positions and finding assembly."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.analysis.context import FileContext
from strictpy.domain.analysis.file_info import RuleOptions, describe_file
from strictpy.domain.rules.sp1_placeholders.pass_statement import PassStatement


def _context(source: str) -> FileContext:
    """Build a context for source text.

    Args:
        source: Python source.

    Returns:
        The context.
    """
    return FileContext(
        describe_file("src/app/x.py", "app"),
        RuleOptions("app"),
        cst.parse_module(source),
        source,
    )


def test_no_findings_means_no_position_pass() -> None:
    """Positions are not computed when nothing was reported or requested."""
    ctx = _context("x = 1\n")
    ctx.resolve_positions()
    assert not ctx.has_findings
    assert ctx.findings() == []


def test_findings_get_spans_and_fingerprints() -> None:
    """A reported node gets its span and its line's text as fingerprint."""
    ctx = _context("def f():\n    pass\n")
    function = ctx.module.body[0]
    assert isinstance(function, cst.FunctionDef)
    assert isinstance(function.body, cst.IndentedBlock)
    statement = function.body.body[0]
    assert isinstance(statement, cst.SimpleStatementLine)
    ctx.add_finding(PassStatement, statement.body[0], 0, {})
    ctx.request_position(function)
    ctx.resolve_positions()
    (finding,) = ctx.findings()
    assert finding.span is not None
    assert (finding.span.line, finding.span.column) == (2, 5)
    assert finding.fingerprint == "pass"
    assert (ctx.line_of(function), ctx.line_count) == (1, 2)


def test_comment_tokens_need_no_tree_positions() -> None:
    """Comment findings carry their own position."""
    ctx = _context("x = 1  # c\n")
    ctx.add_finding(PassStatement, CommentToken("# c", 1, 8), 0, {})
    ctx.resolve_positions()
    (finding,) = ctx.findings()
    assert finding.span is not None
    assert (finding.span.line, finding.span.column) == (1, 8)


def test_line_delta_points_into_a_string() -> None:
    """``line_delta`` moves the finding to a line inside the node."""
    ctx = _context('"""Top.\n\n    Third line.\n"""\n')
    literal = ctx.module.body[0]
    assert isinstance(literal, cst.SimpleStatementLine)
    ctx.add_finding(PassStatement, literal.body[0], 2, {})
    ctx.resolve_positions()
    (finding,) = ctx.findings()
    assert finding.span is not None
    assert (finding.span.line, finding.span.column) == (3, 5)
