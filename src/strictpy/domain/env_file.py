"""``.env``-style files (``.env.example``): keys, values and their lines.

The grammar is python-dotenv's, which pydantic-settings uses: blank lines and
``#`` comments are skipped; an entry is ``[export ]KEY=value`` (or a bare
``KEY``); a value is unquoted (an inline `` #`` comment ends it), single-quoted
(literal) or double-quoted (backslash escapes); quoted values may span lines.
A line that fits none of this is *malformed*: python-dotenv skips it with a
warning, so a template holding one documents a variable nobody will read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["EnvEntry", "EnvFile", "parse_env"]

ENTRY = re.compile(
    r"^\s*(?:export\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_.\-]*)\s*(?:=\s*(?P<value>.*))?$"
)
INLINE_COMMENT = re.compile(r"\s+#.*$")
DOUBLE_QUOTE_ESCAPES = MappingProxyType(
    {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
)


@dataclass(frozen=True, slots=True)
class EnvEntry:
    """One ``KEY=value`` entry.

    Attributes:
        key: The variable name as written.
        value: The value, unquoted.
        line: The 1-based line the entry starts on.
    """

    key: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class EnvFile:
    """A parsed env file.

    Attributes:
        entries: The entries in file order.
        malformed: Lines (1-based) that are neither entries, comments nor blank.
    """

    entries: tuple[EnvEntry, ...] = ()
    malformed: tuple[int, ...] = ()

    def keys(self) -> frozenset[str]:
        """Return the variable names.

        Returns:
            The keys.
        """
        return frozenset(entry.key for entry in self.entries)


def _unescape(text: str) -> str:
    """Decode the backslash escapes of a double-quoted value.

    Args:
        text: The value between the quotes.

    Returns:
        The decoded value.
    """
    return re.sub(
        r"\\(.)", lambda match: DOUBLE_QUOTE_ESCAPES.get(match[1], match[0]), text
    )


def _quoted_value(lines: list[str], index: int, start: str) -> tuple[str, int] | None:
    """Read a quoted value that may continue on the following lines.

    Args:
        lines: All lines of the file.
        index: The 0-based index of the entry's line.
        start: The value's text on that line, starting with the quote.

    Returns:
        (value, index of the value's last line), or None when the quote never
        closes.
    """
    quote = start[0]
    closing = re.compile(r"(?<!\\)" + re.escape(quote) if quote == '"' else quote)
    text = start[1:]
    current = index
    while True:
        match = closing.search(text)
        if match is not None:
            rest = text[match.end() :].strip()
            if rest and not rest.startswith("#"):
                return None
            value = text[: match.start()]
            return (_unescape(value) if quote == '"' else value), current
        current += 1
        if current >= len(lines):
            return None
        text = f"{text}\n{lines[current]}"


def parse_env(text: str) -> EnvFile:
    """Parse an env file's text.

    Args:
        text: The file's text.

    Returns:
        Its entries and malformed lines.
    """
    lines = text.splitlines()
    entries: list[EnvEntry] = []
    malformed: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            index += 1
            continue
        match = ENTRY.match(line)
        if match is None:
            malformed.append(index + 1)
            index += 1
            continue
        raw = (match["value"] or "").strip()
        if raw[:1] in {'"', "'"}:
            quoted = _quoted_value(lines, index, raw)
            if quoted is None:
                malformed.append(index + 1)
                index += 1
                continue
            value, last = quoted
        else:
            value, last = INLINE_COMMENT.sub("", raw), index
        entries.append(EnvEntry(match["key"], value, index + 1))
        index = last + 1
    return EnvFile(tuple(entries), tuple(malformed))
