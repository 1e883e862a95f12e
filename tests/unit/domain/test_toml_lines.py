"""Tests for the TOML key-line index."""

from __future__ import annotations

from strictpy.domain.toml_lines import TomlLineIndex, index_toml_lines

TEXT = '''# comment [not.a.table]
title = "x"  # trailing

[tool.ruff]
line-length = 88
lint.select = [
    "F",  # Pyflakes
    "E",
]

[tool.ruff.lint.per-file-ignores]
"tests/**/*" = ["S101"]
'odd key' = []

[[tool.list]]
name = 'first'
text = """
[fake.table]
key = 1
"""
inline = { a = 1, b.c = { d = "x" } }
'''


def _lines(*paths: tuple[str, ...]) -> list[int | None]:
    """Return the lines of key paths in the sample text.

    Args:
        *paths: Key paths.

    Returns:
        Their lines, in order.
    """
    index = index_toml_lines(TEXT)
    return [index.line_of(*path) for path in paths]


def test_tables_keys_and_dotted_keys() -> None:
    """Headers, keys, dotted keys and implicit parents get their lines."""
    ruff = ("tool", "ruff")
    ignores = (*ruff, "lint", "per-file-ignores")
    assert _lines(
        ("title",),
        ("tool",),
        ruff,
        (*ruff, "line-length"),
        (*ruff, "lint"),
        (*ruff, "lint", "select"),
        (*ignores, "tests/**/*"),
        (*ignores, "odd key"),
    ) == [2, 4, 4, 5, 6, 6, 12, 13]


def test_strings_and_comments_do_not_open_tables() -> None:
    """Brackets in comments and multi-line strings are text."""
    assert _lines(
        ("not",), ("fake",), ("tool", "list", "text"), ("tool", "list", "inline")
    ) == [None, None, 17, 21]


def test_inline_tables() -> None:
    """Keys of inline tables, nested and dotted, are indexed."""
    inline = ("tool", "list", "inline")
    assert _lines((*inline, "a"), (*inline, "b", "c", "d")) == [21, 21]


def test_array_items_and_anchor() -> None:
    """String items have lines; missing keys anchor at their table."""
    index = index_toml_lines(TEXT)
    path = ("tool", "ruff", "lint", "select")
    found = [
        index.item_line(path, "E"),
        index.item_line(path, "X"),
        index.anchor_line("tool", "ruff", "format", "quote-style"),
        index.anchor_line("nothing"),
    ]
    assert found == [8, 6, 4, None]


def test_invalid_text_never_raises() -> None:
    """Unterminated strings and brackets are tolerated."""
    index = index_toml_lines('[a\nb = "x\nc = [1, {d = \n')
    assert isinstance(index, TomlLineIndex)
    assert index_toml_lines("").keys == {}
