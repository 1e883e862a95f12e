"""Tests for rule documentation rendering."""

from __future__ import annotations

from rich.console import Console

from strictpy.api.renderers.rule_doc_renderer import (
    RulesFormat,
    render_rule,
    render_rules,
    rule_markdown,
    rules_markdown,
)
from strictpy.services.rule_docs import all_rule_docs, rule_doc


def test_markdown_catalog_lists_every_rule() -> None:
    """The Markdown table has one row per rule."""
    docs = all_rule_docs()
    assert rules_markdown(docs).count('\n| <a id="sp') == len(docs)


def test_rule_page_sections() -> None:
    """A rule page has what, why, bad and good."""
    page = rule_markdown(rule_doc("SP102"))
    for heading in (
        "**What it checks:**",
        "**Why** (ruleset section",
        "**Bad:**",
        "**Good:**",
    ):
        assert heading in page


def test_terminal_rendering() -> None:
    """On a terminal the page is rendered, and the catalog is a table."""
    console = Console(width=100, color_system=None, record=True, force_terminal=True)
    render_rule(rule_doc("SP102"), console)
    render_rules(all_rule_docs(), RulesFormat.RICH, console)
    assert "pass-statement" in console.export_text()
