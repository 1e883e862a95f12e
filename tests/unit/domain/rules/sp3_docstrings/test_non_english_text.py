"""Tests for SP309 non-english-text."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp3_docstrings.non_english_text import (
    foreign_script,
    script_of,
)
from tests.conftest import assert_fixture, run_source

CYRILLIC_WORD = "\u043f\u0440\u0438\u0432\u0435\u0442"
GREEK_WORD = "\u03bb\u03cc\u03b3\u03bf\u03c2"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP309")


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", None),
        ("\u00e9", None),
        ("\u00df", None),
        ("\u00b5", None),
        ("\u2211", None),
        ("\u2705", None),
        ("\u211d", None),
        ("\u0436", "CYRILLIC"),
        ("\u03b8", "GREEK"),
        ("\u4e2d", "CJK"),
        ("\uff76", "KATAKANA"),
        ("\uff21", None),
        ("\ud55c", "HANGUL"),
    ],
)
def test_script_of(char: str, script: str | None) -> None:
    """Only letters of non-Latin scripts have a script.

    Args:
        char: The character.
        script: Its non-Latin script, if any.
    """
    assert script_of(char) == script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("# plain English", None),
        (f"# {CYRILLIC_WORD}", "CYRILLIC"),
        (f"# the {GREEK_WORD}", "GREEK"),
        ("# the angle \u03b8 and 10 \u03bcs", None),
        (f'# matches "{CYRILLIC_WORD}"', None),
        (f"# matches '{CYRILLIC_WORD}'", None),
        (f"# matches ``{CYRILLIC_WORD}`` and `{CYRILLIC_WORD}`", None),
        (f"# don't say {CYRILLIC_WORD} here", "CYRILLIC"),
    ],
)
def test_foreign_script(text: str, script: str | None) -> None:
    """Quoted examples and lone Greek symbols are not foreign text.

    Args:
        text: A comment.
        script: The script found.
    """
    assert foreign_script(text) == script


def test_messages() -> None:
    """Comments and docstrings are named, with the script in prose spelling."""
    source = (
        f'"""A module."""\n\nVALUE = 1  # {CYRILLIC_WORD}\n\n\n'
        f'def run() -> None:\n    """\u4e2d\u6587."""\n'
    )
    findings = run_source(source, select=["SP309"])
    assert [(f.line, f.message) for f in findings] == [
        (3, "Comment is not in English: it contains Cyrillic letters"),
        (7, "Docstring is not in English: it contains CJK letters"),
    ]


def test_string_literals_are_data() -> None:
    """A string that is no docstring is never read."""
    source = f'"""A module."""\n\nGREETING = "{CYRILLIC_WORD}"\n'
    assert run_source(source, select=["SP309"]) == []
