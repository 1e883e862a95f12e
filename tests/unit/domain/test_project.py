"""Tests for the project context and package detection."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.project import ProjectContext, detect_package
from strictpy.domain.rules.sp1_placeholders.todo_comment import TodoComment


def test_detect_package_order() -> None:
    """Configured package, then the single src package, then the project name."""
    existing = frozenset({"src/shop/__init__.py", "src/shop"})
    assert detect_package(existing, "x", "configured") == "configured"
    assert detect_package(existing, "other-name", None) == "shop"
    assert detect_package(frozenset(), "My-Tool.x", None) == "my_tool_x"
    assert detect_package(frozenset(), None, None) is None
    two = frozenset({"src/a/__init__.py", "src/b/__init__.py"})
    assert detect_package(two, "pick-me", None) == "pick_me"


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
