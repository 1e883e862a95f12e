"""Tests for decoding source bytes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from strictpy.domain.analysis.source import (
    SourceDecodeError,
    decode_source,
    nesting_too_deep,
    source_lines,
)


def test_utf8_with_bom() -> None:
    """A BOM is recognised and removed."""
    decoded = decode_source(b"\xef\xbb\xbfx = 1\n")
    assert decoded.text == "x = 1\n"
    assert decoded.encoding == "utf-8-sig"


def test_latin1_cookie() -> None:
    """A PEP 263 cookie selects the codec."""
    decoded = decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")
    assert "\u00e9" in decoded.text


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"x = '\xff'\n", "invalid utf-8 byte at line 1"),
        (b"x = 1\n\x00\n", "NUL byte (line 2)"),
        (b"# coding: nonsense-codec\nx = 1\n", "encoding"),
    ],
)
def test_bad_bytes_raise_clear_errors(data: bytes, needle: str) -> None:
    """Undecodable input gives a short user-facing reason.

    Args:
        data: The undecodable bytes.
        needle: Text the error must contain.
    """
    with pytest.raises(SourceDecodeError, match=re.escape(needle)):
        decode_source(data)


def test_nesting_limit() -> None:
    """Only real bracket tokens deeper than CPython's limit count."""
    assert nesting_too_deep("x = " + "(" * 201 + ")" * 201 + "\n")
    assert not nesting_too_deep("x = " + "(" * 200 + ")" * 200 + "\n")
    assert not nesting_too_deep("x = '" + "(" * 900 + "'\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("a\n\n", ["a", ""]),
        ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
        (
            "a\x0cb\x0bc\x1cd\x85e\u2028f\u2029g\n",
            ["a\x0cb\x0bc\x1cd\x85e\u2028f\u2029g"],
        ),
    ],
)
def test_source_lines_split_only_on_python_line_breaks(
    text: str, expected: list[str]
) -> None:
    """Form feeds, U+2028 and the like stay inside their line.

    Args:
        text: The source text.
        expected: Its lines.
    """
    assert source_lines(text) == expected


@given(st.text(alphabet="ab\r\n\x0c\u2028", max_size=40))
def test_source_lines_agree_with_the_interpreters_line_breaks(text: str) -> None:
    """With or without carriage returns, lines end only at CR LF, CR or LF.

    Args:
        text: Any mix of line breaks and other characters.
    """
    expected = re.split(r"\r\n?|\n", text)
    if expected[-1] == "":
        expected.pop()
    assert source_lines(text) == expected
