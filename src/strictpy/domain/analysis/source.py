"""Decoding Python source bytes the way the interpreter does (PEP 263 cookie, BOM).

Written with the standard library's ``tokenize.detect_encoding`` rather than a
third-party package: it is the reference implementation of PEP 263 and 3120.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from itertools import accumulate
from types import MappingProxyType

from strictpy.exceptions import ValidationError

__all__ = [
    "MAX_NESTING",
    "DecodedSource",
    "SourceDecodeError",
    "decode_source",
    "nesting_too_deep",
    "source_lines",
]

# CPython's tokenizer refuses more than 200 nested brackets; libcst's native
# parser can crash the process on a few thousand, so deeper files never reach it.
MAX_NESTING = 200
NOT_A_BRACKET = re.compile(r"[^()\[\]{}]+")
BRACKET_STEP = MappingProxyType({"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1})
OPENING = frozenset("([{")
# The only line breaks of Python source; ``str.splitlines`` also splits on form
# feeds, U+2028 and other characters that are not line breaks in Python.
LINE_BREAK = re.compile(r"\r\n?|\n")
CLOSING = frozenset(")]}")


class SourceDecodeError(ValidationError):
    """Raised when source bytes cannot be decoded; the message is user-facing."""


@dataclass(frozen=True, slots=True)
class DecodedSource:
    """Source text with the encoding it was read in.

    Attributes:
        text: The decoded text, without a BOM.
        encoding: The codec name found (``utf-8``, ``latin-1``, ``utf-8-sig``...).
    """

    text: str
    encoding: str


def decode_source(data: bytes) -> DecodedSource:
    """Decode Python source bytes.

    Args:
        data: The raw file contents.

    Raises:
        SourceDecodeError: If the cookie names an unknown codec, the bytes do not
            decode, or the file holds a NUL byte.

    Returns:
        The decoded source.
    """
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        message = f"source contains a NUL byte (line {line})"
        raise SourceDecodeError(message)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        # detect_encoding also fails on invalid UTF-8 in the first two lines.
        encoding = "utf-8"
        reason = str(error.msg)
    else:
        reason = ""
    try:
        text = data.decode(encoding)
    except LookupError as error:
        raise SourceDecodeError(f"unknown encoding: {error}") from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"invalid {error.encoding} byte at line {line}"
        raise SourceDecodeError(message) from None
    if reason:
        raise SourceDecodeError(reason)
    return DecodedSource(text.removeprefix("\ufeff"), encoding)


def _exact_depth(text: str) -> int:
    """Return the deepest bracket nesting of real tokens (strings ignored).

    Args:
        text: Decoded Python source.

    Returns:
        The maximum depth, or 0 when the text does not tokenize.
    """
    depth = deepest = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type != tokenize.OP:
                continue
            if token.string in OPENING:
                depth += 1
                deepest = max(deepest, depth)
            elif token.string in CLOSING:
                depth -= 1
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError) as error:
        # The C tokenizer behind ``tokenize`` enforces CPython's own limit.
        return MAX_NESTING + 1 if "nested" in str(error) else deepest
    return deepest


def nesting_too_deep(text: str) -> bool:
    """Tell whether brackets nest deeper than Python allows.

    A fast estimate over every bracket character runs first; only when it
    exceeds the limit are real tokens counted (brackets in strings do not count).

    Args:
        text: Decoded Python source.

    Returns:
        True when the source nests more than ``MAX_NESTING`` levels.
    """
    brackets = NOT_A_BRACKET.sub("", text)
    if len(brackets) <= MAX_NESTING * 2:
        return False
    if (
        max(accumulate(map(BRACKET_STEP.__getitem__, brackets)), default=0)
        <= MAX_NESTING
    ):
        return False
    return _exact_depth(text) > MAX_NESTING


def source_lines(text: str) -> list[str]:
    """Split source text into its lines the way the interpreter counts them.

    Args:
        text: Source text (or a string literal's value).

    Returns:
        The lines without their line breaks; like ``str.splitlines``, no empty
        last line after a final line break.
    """
    # Without a carriage return, the plain split gives the same lines, faster.
    lines = LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines
