"""Rendering rule documentation: the ``rules`` listing and one rule's page."""

from __future__ import annotations

import importlib
import json
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from strictpy.services.rule_docs import RuleDoc

__all__ = [
    "RulesFormat",
    "render_rule",
    "render_rules",
    "rule_markdown",
    "rules_markdown",
]

SCHEMA_VERSION = 1


class RulesFormat(StrEnum):
    """The formats of ``strictpy rules``."""

    RICH = "rich"
    JSON = "json"
    MARKDOWN = "markdown"


def rules_markdown(docs: list[RuleDoc]) -> str:
    """Render the rule catalog as a Markdown table.

    Args:
        docs: Every rule's documentation, in code order.

    Returns:
        The Markdown text.
    """
    rows = [
        "# strictpy rules",
        "",
        "| code | name | family | scope | fixable | summary |",
        "|---|---|---|---|---|---|",
    ]
    rows.extend(
        # The anchor is what SARIF help links and `#sp101` references land on.
        f'| <a id="{doc.code.lower()}"></a>{doc.code} | {doc.name} | {doc.family} | {doc.scope} | '
        f"{'yes' if doc.fixable else 'no'} | {doc.summary.replace('|', '\\|')} |"
        for doc in docs
    )
    return "\n".join(rows) + "\n"


def render_rules(docs: list[RuleDoc], output: RulesFormat, console: Console) -> None:
    """Write the rule catalog.

    Args:
        docs: Every rule's documentation, in code order.
        output: The format.
        console: Where to write.
    """
    if output is RulesFormat.JSON:
        rules = [
            {
                "code": doc.code,
                "name": doc.name,
                "family": doc.family,
                "scope": doc.scope,
                "fixable": doc.fixable,
                "summary": doc.summary,
            }
            for doc in docs
        ]
        console.out(json.dumps({"version": SCHEMA_VERSION, "rules": rules}, indent=2))
        return
    if output is RulesFormat.MARKDOWN:
        console.out(rules_markdown(docs), end="")
        return
    # Imported here: the command line imports this module for every command.
    table: Table = importlib.import_module("rich.table").Table(show_edge=False)
    for column in ("code", "name", "family", "scope", "fix", "summary"):
        table.add_column(column)
    for doc in docs:
        fix = "yes" if doc.fixable else ""
        table.add_row(doc.code, doc.name, doc.family, doc.scope, fix, doc.summary)
    console.print(table)


def rule_markdown(doc: RuleDoc) -> str:
    """Render one rule's page as Markdown.

    Args:
        doc: The rule's documentation.

    Returns:
        The Markdown text.
    """
    fence = "```"
    return "\n".join(
        [
            f"# {doc.code} {doc.name}",
            "",
            f"**What it checks:** {doc.summary}",
            "",
            f"**Why** (ruleset section {doc.ruleset_ref}): {doc.explanation}",
            "",
            f"**Scope:** {doc.scope}. **Fixable:** {'yes' if doc.fixable else 'no'}.",
            "",
            f"**How to fix:** {doc.fix_hint}",
            "",
            "**Bad:**",
            "",
            f"{fence}python",
            doc.bad_example.rstrip(),
            fence,
            "",
            "**Good:**",
            "",
            f"{fence}python",
            doc.good_example.rstrip(),
            fence,
            "",
        ]
    )


def render_rule(doc: RuleDoc, console: Console) -> None:
    """Write one rule's page.

    Args:
        doc: The rule's documentation.
        console: Where to write.
    """
    if console.is_terminal:
        # rich.markdown pulls in a Markdown parser: imported only for this page.
        markdown = importlib.import_module("rich.markdown")
        console.print(markdown.Markdown(rule_markdown(doc)))
    else:
        console.out(rule_markdown(doc), end="")
