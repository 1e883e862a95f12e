"""Decoding Python source bytes the way the interpreter does (PEP 263 cookie, BOM).

Written with the standard library's ``tokenize.detect_encoding`` rather than a
third-party package: it is the reference implementation of PEP 263 and 3120.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass

__all__ = ["DecodedSource", "SourceDecodeError", "decode_source"]


class SourceDecodeError(ValueError):
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
        text = data.decode(encoding)
    except SyntaxError as error:
        raise SourceDecodeError(str(error.msg)) from None
    except LookupError as error:
        raise SourceDecodeError(f"unknown encoding: {error}") from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"invalid {error.encoding} byte at line {line}"
        raise SourceDecodeError(message) from None
    return DecodedSource(text.removeprefix("\ufeff"), encoding)
