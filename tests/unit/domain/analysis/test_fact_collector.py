"""Tests for the facts the single pass collects for project rules."""

from __future__ import annotations

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.registry import CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import check_file
from strictpy.services.file_plan import FilePlan

SOURCE = '''"""Module."""
import asyncio
import typing
from fastapi import FastAPI

if typing.TYPE_CHECKING:
    from collections.abc import Iterator

from . import sibling

app = FastAPI(title="demo")


class NotFound(Exception):
    """Missing."""


@app.get("/health")
def health() -> dict[str, str]:
    """Health."""
    return {"status": "healthy"}


asyncio.run(main())
'''


def _facts() -> object:
    """Run the file pass with fact collection on ``SOURCE``.

    Returns:
        The collected facts.
    """
    selection = Selection.build(
        CODES, select=["SP101"], extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan((), selection, RuleOptions("app"), collect_facts=True)
    result = check_file("src/app/api/routes.py", SOURCE.encode(), plan)
    assert result.facts is not None
    return result.facts


def test_imports_and_type_checking_flag() -> None:
    """Imports are absolute; TYPE_CHECKING ones are flagged."""
    facts = _facts()
    modules = {(fact.module, fact.name, fact.type_checking) for fact in facts.imports}
    assert ("asyncio", None, False) in modules
    assert ("collections.abc", "Iterator", True) in modules
    assert ("app.api", "sibling", False) in modules


def test_classes_calls_and_routes() -> None:
    """Exception classes get lines; calls of interest and routes are recorded."""
    facts = _facts()
    (klass,) = facts.classes
    assert (klass.bases, klass.line) == (("builtins.Exception",), 14)
    calls = {call.name: call for call in facts.calls}
    assert (calls["fastapi.FastAPI"].line, calls["asyncio.run"].line) == (11, 24)
    assert calls["fastapi.FastAPI"].keywords == (("title", '"demo"'),)
    (route,) = facts.decorators
    assert (route.args, route.line) == (("/health",), 18)
    assert "app" in facts.top_level_names
    assert facts.line_count == len(SOURCE.splitlines())
