"""Tests for the key-by-key configuration comparison."""

from __future__ import annotations

from strictpy.domain.config_drift import TableComparison, canonical_table
from strictpy.domain.toml_lines import index_toml_lines

CANONICAL = """[tool.x]
flag = true
names = ["a", "b"]
order = ["a", "b"]

[tool.x.sub]
"odd key" = 1
"""


def _drift(text: str) -> list[tuple[str, str, int | None]]:
    """Compare a text's [tool.x] with the canonical one.

    Args:
        text: The configured TOML.

    Returns:
        (key, problem, line) triples.
    """
    actual = canonical_table(text, "tool", "x")
    comparison = TableComparison(
        index_toml_lines(text),
        ("tool", "x"),
        accepted=frozenset({("extra",), ("sub", "fine")}),
        ordered=frozenset({("order",)}),
    )
    found = comparison.drift(canonical_table(CANONICAL, "tool", "x"), actual)
    return [(drift.key, drift.problem, drift.line) for drift in found]


def test_identical_and_accepted() -> None:
    """Same values (set order aside) and accepted extras: nothing."""
    text = CANONICAL.replace('names = ["a", "b"]', 'names = ["b", "a"]\nextra = 1')
    text += "fine = 2\n"
    assert _drift(text) == []


def test_each_kind_of_difference() -> None:
    """Types, values, order, missing and extra keys are told apart."""
    text = (
        '[tool.x]\nflag = "true"\nnames = ["a", "c"]\norder = ["b", "a"]\nmore = 1\n\n'
        "[tool.x.sub]\nother = 2\n"
    )
    assert _drift(text) == [
        ("flag", 'is "true"; the ruleset says true', 2),
        ("names", 'lacks "b" and has extra "c"', 3),
        ("order", 'is in another order; the ruleset says ["a", "b"]', 4),
        ('sub."odd key"', "is missing (key)", 7),
        ("sub.other", "is not in the ruleset's configuration", 8),
        ("more", "is not in the ruleset's configuration", 5),
    ]


def test_missing_table_and_wrong_shape() -> None:
    """A missing sub-table is one difference; a scalar for a table is another."""
    assert _drift('[tool.x]\nflag = true\nnames = ["a","b"]\norder = ["a","b"]\n') == [
        ("sub", "is missing (table)", 1)
    ]
    text = '[tool.x]\nflag = true\nnames = ["a","b"]\norder = ["a","b"]\nsub = 3\n'
    assert _drift(text) == [("sub", "is 3; the ruleset says {'odd key': 1}", 5)]


def test_canonical_table_of_missing_path() -> None:
    """A path that does not exist yields an empty table."""
    assert canonical_table(CANONICAL, "tool", "nothing") == {}
    assert canonical_table(CANONICAL, "tool", "x", "flag") == {}
