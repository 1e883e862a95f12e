"""Tests for the .env file parser."""

from __future__ import annotations

from strictpy.domain.env_file import parse_env

TEXT = """# header
A=1
export B = "x \\"y\\" \\n z"   # comment
C='single # not a comment'
D=multi word # comment
E="first
second"
F
G = 'never closed
H='after' trailing
I=
J="x" # ok
"""


def test_entries_values_and_lines() -> None:
    """Quoting, escapes, export, inline comments and multi-line values."""
    env = parse_env(TEXT)
    entries = {entry.key: (entry.value, entry.line) for entry in env.entries}
    assert entries == {
        "A": ("1", 2),
        "B": ('x "y" \n z', 3),
        "C": ("single # not a comment", 4),
        "D": ("multi word", 5),
        "E": ("first\nsecond", 6),
        "F": ("", 8),
        "I": ("", 11),
        "J": ("x", 12),
    }
    assert env.keys() == frozenset(entries)


def test_malformed_lines() -> None:
    """Unclosed quotes, junk after quotes and non-entries are malformed."""
    env = parse_env(TEXT + "not an entry\n1BAD=x\n")
    assert env.malformed == (9, 10, 13, 14)


def test_empty() -> None:
    """An empty file has nothing."""
    assert parse_env("") == parse_env("\n\n# only comments\n")
