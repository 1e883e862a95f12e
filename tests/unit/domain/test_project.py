"""Tests for the project context."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.project import ProjectContext
from strictpy.domain.rules.sp1_placeholders.todo_comment import TodoComment


def test_make_finding_with_and_without_line() -> None:
    """Findings about a line carry its text; missing files have no span."""
    ctx = ProjectContext(
        package="app", texts=MappingProxyType({"Dockerfile": "FROM x\nUSER root\n"})
    )
    with_line = ctx.make_finding(
        TodoComment, "Dockerfile", 2, {"where": "w", "marker": "m"}
    )
    assert with_line.span is not None
    assert (with_line.span.line, with_line.span.end_column) == (2, 10)
    assert with_line.fingerprint == "USER root"
    missing = ctx.make_finding(
        TodoComment, ".env.example", None, {"where": "w", "marker": "m"}
    )
    assert missing.span is None
    assert ctx.exists("Dockerfile")
    assert not ctx.exists(".env.example")
