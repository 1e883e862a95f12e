"""The committed ``docs/rules.md`` is exactly what ``strictpy rules`` prints."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strictpy.api.cli import app
from strictpy.domain.registry import RULES

pytestmark = pytest.mark.integration

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REGENERATE = "uv run strictpy rules --format markdown > docs/rules.md"
DIFF_LINES = 40


def _generated() -> str:
    """Return the catalog as the command prints it.

    Returns:
        The Markdown text of ``strictpy rules --format markdown``.
    """
    result = CliRunner().invoke(app, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_rules_doc_is_up_to_date() -> None:
    """A stale docs/rules.md fails with the diff and the command that fixes it."""
    assert RULES_DOC.is_file(), (
        f"docs/rules.md is missing; create it with: {REGENERATE}"
    )
    committed = RULES_DOC.read_text(encoding="utf-8")
    generated = _generated()
    if committed != generated:
        diff = difflib.unified_diff(
            committed.splitlines(),
            generated.splitlines(),
            "docs/rules.md (committed)",
            "strictpy rules --format markdown",
            lineterm="",
        )
        shown = "\n".join(list(diff)[:DIFF_LINES])
        pytest.fail(
            f"docs/rules.md is out of date; regenerate it with: {REGENERATE}\n{shown}"
        )


def test_rules_doc_lists_every_registered_rule() -> None:
    """Every registered code has exactly one row, in code order."""
    rows = [
        line.split("|")[1].split("</a>")[-1].strip()
        for line in _generated().splitlines()
        if line.startswith('| <a id="sp')
    ]
    assert rows == [rule.CODE for rule in RULES]
