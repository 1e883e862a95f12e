"""Tests for SP801 ruff-config-drift."""

from __future__ import annotations

from strictpy.domain.ruleset_data import RUFF_CONFIG_TOML
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP801"
PATH = "pyproject.toml"
PROJECT = '[project]\nname = "shop"\n\n'


def _messages(text: str) -> list[tuple[int | None, str]]:
    """Run the rule on a pyproject text.

    Args:
        text: The file's text.

    Returns:
        (line, message) pairs.
    """
    return [(f.line, f.message) for f in findings_of(CODE, {PATH: text})]


def test_canonical_block_with_accepted_extras() -> None:
    """The ruleset's block plus the accepted refinements is clean."""
    text = PROJECT + RUFF_CONFIG_TOML.replace(
        "unsafe-fixes = false\n",
        'unsafe-fixes = false\nextend-exclude = ["tests/fixtures"]\nsrc = ["src"]\n',
    ).replace(
        "quote-annotations = true\n",
        'quote-annotations = true\nruntime-evaluated-base-classes = ["pydantic.BaseModel"]\n',
    )
    assert _messages(text) == []


def test_lists_compare_as_sets_with_missing_and_extra() -> None:
    """Reordered select is fine; a dropped and an added code are named."""
    text = PROJECT + RUFF_CONFIG_TOML.replace(
        '"S",    # flake8-bandit (security)', '"D",'
    )
    text = text.replace('"F",    # Pyflakes\n    "E",', '"E",\n    "F",')
    ((line, message),) = _messages(text)
    assert line == text.splitlines().index("select = [") + 1
    assert message == '[tool.ruff] lint.select lacks "S" and has extra "D"'


def test_section_order_is_ordered() -> None:
    """section-order in another order is drift."""
    text = PROJECT + RUFF_CONFIG_TOML.replace(
        '"third-party", "first-party"', '"first-party", "third-party"'
    )
    ((line, message),) = _messages(text)
    assert "another order" in message
    assert text.splitlines()[line - 1].startswith("section-order")


def test_scalar_missing_extra_and_table() -> None:
    """Changed value, missing key, missing table and extra key, each once."""
    text = (
        PROJECT
        + RUFF_CONFIG_TOML.replace(
            "line-length = 88\n", "line-length = 100\npreview = true\n"
        )
        .replace("show-fixes = true\n", "")
        .split("[tool.ruff.format]")[0]
    )
    lines = text.splitlines()
    found = _messages(text)
    assert (
        lines.index("line-length = 100") + 1,
        "[tool.ruff] line-length is 100; the ruleset says 88",
    ) in found
    assert (
        lines.index("[tool.ruff]") + 1,
        "[tool.ruff] show-fixes is missing (key)",
    ) in found
    assert (
        lines.index("[tool.ruff]") + 1,
        "[tool.ruff] format is missing (table)",
    ) in found
    assert (
        lines.index("preview = true") + 1,
        "[tool.ruff] preview is not in the ruleset's configuration",
    ) in found
    assert len(found) == len(set(found)) == 4  # noqa: PLR2004 - the four changes


def test_per_file_ignores_extra_glob_and_dotted_keys() -> None:
    """An extra per-file-ignores glob is reported; dotted keys are read."""
    text = PROJECT + RUFF_CONFIG_TOML.replace(
        '"__init__.py" = ["F401"]\n',
        '"__init__.py" = ["F401"]\n"scripts/*" = ["T201"]\n',
    ).replace(
        "[tool.ruff.format]\n", "[tool.ruff.format]\ndocstring-code-format = true\n"
    )
    found = _messages(text)
    assert [message for _, message in found] == [
        '[tool.ruff] lint.per-file-ignores."scripts/*" is not in the ruleset\'s configuration',
        "[tool.ruff] format.docstring-code-format is not in the ruleset's configuration",
    ]


def test_tch_is_expected_literally() -> None:
    """Ruff's new TC prefix instead of the ruleset's TCH is drift."""
    text = PROJECT + RUFF_CONFIG_TOML.replace('"TCH",  #', '"TC",  #')
    ((_, message),) = _messages(text)
    assert message == '[tool.ruff] lint.select lacks "TCH" and has extra "TC"'


def test_missing_table() -> None:
    """No [tool.ruff] at all: one finding."""
    assert locations(CODE, {PATH: PROJECT}) == [(PATH, None)]


def test_no_pyproject_is_silent() -> None:
    """SP705 reports a missing pyproject.toml."""
    assert locations(CODE, {"src/a.py": ""}) == []
