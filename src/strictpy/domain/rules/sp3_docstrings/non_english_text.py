"""SP309 non-english-text: comments and docstrings written in a non-Latin script."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.analysis.docstring_analysis import docstring_value
from strictpy.domain.analysis.docstring_nodes import docstring_node
from strictpy.domain.analysis.source import source_lines
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["SCRIPTS", "NonEnglishText", "foreign_script", "script_of"]

# First words of the Unicode names of letters of non-Latin scripts.
SCRIPTS = frozenset(
    {
        "ARABIC",
        "ARMENIAN",
        "BENGALI",
        "BOPOMOFO",
        "CANADIAN",
        "CHEROKEE",
        "CJK",
        "COPTIC",
        "CYRILLIC",
        "DEVANAGARI",
        "ETHIOPIC",
        "GEORGIAN",
        "GREEK",
        "GUJARATI",
        "GURMUKHI",
        "HANGUL",
        "HEBREW",
        "HIRAGANA",
        "IDEOGRAPHIC",
        "KANNADA",
        "KATAKANA",
        "KHMER",
        "LAO",
        "MALAYALAM",
        "MONGOLIAN",
        "MYANMAR",
        "NKO",
        "ORIYA",
        "SINHALA",
        "SYRIAC",
        "TAMIL",
        "TANGUT",
        "TELUGU",
        "THAANA",
        "THAI",
        "TIBETAN",
        "YI",
    }
)
# Scripts whose single letters are common symbols (a lone pi, delta or mu).
SYMBOL_SCRIPTS = frozenset({"GREEK", "COPTIC"})
WIDTH_PREFIXES = frozenset({"HALFWIDTH", "FULLWIDTH"})
UPPERCASE_SCRIPTS = frozenset({"CJK", "NKO"})
# Quoted examples inside prose: ``code``, `code`, "text" and 'text'.
QUOTED = re.compile(r"``[^`\n]*``|`[^`\n]*`|\"[^\"\n]*\"|(?<!\w)'[^'\n]*'(?!\w)")
DOCTEST_PROMPT = ">>>"


@functools.cache
def script_of(char: str) -> str | None:
    """Return the non-Latin script a character is a letter of.

    Args:
        char: One character.

    Returns:
        The script's name as Unicode spells it (``CYRILLIC``), or None for
        ASCII, non-letters (symbols, emoji, marks) and Latin letters (``é``).
    """
    if char.isascii() or not unicodedata.category(char).startswith("L"):
        return None
    words = unicodedata.name(char, "").split(" ")
    first = words[1] if words[0] in WIDTH_PREFIXES and len(words) > 1 else words[0]
    return first if first in SCRIPTS else None


def has_non_ascii(text: str) -> bool:
    """Tell whether a text has a character outside ASCII.

    Only such a comment can be written in another script.

    Args:
        text: A file's text.

    Returns:
        True when it is not pure ASCII.
    """
    return not text.isascii()


def foreign_script(text: str) -> str | None:
    """Return the first non-Latin script a text is written in, quotes left out.

    A single letter of a symbol script (``GREEK``) between other characters is a
    symbol (a lone pi, a delta, a micro sign); two in a row are a word.

    Args:
        text: A comment or a line of a docstring.

    Returns:
        The script's name, or None when the text is English-compatible.
    """
    if text.isascii():
        return None
    text = QUOTED.sub(" ", text)
    run_script: str | None = None
    run_length = 0
    for char in text:
        script = script_of(char)
        if script is None:
            run_script, run_length = None, 0
            continue
        run_length = run_length + 1 if script == run_script else 1
        run_script = script
        if script not in SYMBOL_SCRIPTS or run_length > 1:
            return script
    return None


def _shown(script: str) -> str:
    """Return a script's name as written in prose.

    Args:
        script: The Unicode spelling (``CYRILLIC``).

    Returns:
        ``Cyrillic``, or ``CJK`` for acronyms.
    """
    return script if script in UPPERCASE_SCRIPTS else script.title()


def _docstring_lines(text: str) -> list[tuple[int, str]]:
    """Return a docstring's prose lines, doctest examples left out.

    Args:
        text: The docstring's value.

    Returns:
        (line offset, line) pairs.
    """
    prose: list[tuple[int, str]] = []
    in_example = False
    for offset, line in enumerate(source_lines(text)):
        stripped = line.strip()
        if stripped.startswith(DOCTEST_PROMPT):
            in_example = True
        elif not stripped:
            in_example = False
        elif not in_example:
            prose.append((offset, line))
    return prose


class NonEnglishText(FileRule):
    """Flags a comment or docstring holding letters of a non-Latin script.

    Ruleset 3.4: code, comments and docstrings are written in professional
    English. A letter whose Unicode name belongs to a non-Latin script (see
    ``SCRIPTS``: Cyrillic, Greek, CJK, Arabic, Hebrew, Hangul, Kana, Thai,
    Devanagari...) marks text in another language. Accented Latin letters,
    symbols, emoji and a lone Greek letter used as a symbol pass. Quoted
    examples inside the text (between backquotes or quotes) and doctest
    examples are code, not prose, and are skipped; ordinary string literals are
    data and never read. A comment is reported at its line; a docstring at its
    first non-English line, once per docstring.
    """

    CODE = "SP309"
    NAME = "non-english-text"
    MESSAGE = "{where} is not in English: it contains {script} letters"
    FIX_HINT = "Translate the text into English"
    RULESET_REF = "3.4"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""Greet users (caf\u00e9 style).\n\nThe angle \u03b8 is in radians.\n"""\n\n'
            'HELLO = "\u043f\u0440\u0438\u0432\u0435\u0442"  # a greeting\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nVALUE = 1  # \u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435\n',
            line=3,
        ),
        Invalid(
            '"""A module."""\n\n\ndef run() -> None:\n'
            '    """Run.\n\n    \u5b9f\u884c\u3059\u308b.\n    """\n',
            line=7,
        ),
    )

    COMMENT_HINT = has_non_ascii

    @visits(CommentToken)
    def check_comment(self, node: CommentToken) -> None:
        """Report a comment written in a non-Latin script.

        Args:
            node: The comment.
        """
        script = foreign_script(node.text)
        if script is not None:
            self.report(node, where="Comment", script=_shown(script))

    @visits(cst.Module, cst.FunctionDef, cst.ClassDef)
    def check_docstring(
        self, node: cst.Module | cst.FunctionDef | cst.ClassDef
    ) -> None:
        """Report a docstring's first line written in a non-Latin script.

        Args:
            node: The docstring's owner.
        """
        literal = docstring_node(node)
        text = docstring_value(literal) if literal is not None else None
        if literal is None or text is None or text.isascii():
            return
        raw_lines = (
            literal.value.count("\n") if isinstance(literal, cst.SimpleString) else -1
        )
        for offset, line in _docstring_lines(text):
            script = foreign_script(line)
            if script is not None:
                # Escaped newlines shift lines in the value; trust only agreeing text.
                delta = offset if raw_lines == text.count("\n") else 0
                self.report(
                    literal, line_delta=delta, where="Docstring", script=_shown(script)
                )
                return
