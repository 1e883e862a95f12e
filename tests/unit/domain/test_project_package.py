"""Tests for finding a project's import package."""

from __future__ import annotations

from strictpy.domain.project_package import detect_package


def test_detect_package_order() -> None:
    """Configured package, then the single src package, then the project name."""
    existing = frozenset({"src/shop/__init__.py", "src/shop"})
    assert detect_package(existing, "x", "configured") == "configured"
    assert detect_package(existing, "other-name", None) == "shop"
    assert detect_package(frozenset(), "My-Tool.x", None) == "my_tool_x"
    assert detect_package(frozenset(), None, None) is None
    two = frozenset({"src/a/__init__.py", "src/b/__init__.py"})
    assert detect_package(two, "pick-me", None) == "pick_me"
