"""Where each key of a TOML document is written: the line index findings point at.

TOML parsers return values, not positions. Findings about ``pyproject.toml`` must
name the line of the key they are about (or of its table header), so this module
scans the text once and records, for every key path, the line of its first
appearance: table headers (``[tool.ruff.lint]``), keys and dotted keys (including
the implicit tables they open), keys of inline tables, and the string items of
arrays (a dependency's line). It tolerates invalid TOML (it never raises); the
parser is what judges validity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["TomlLineIndex", "index_toml_lines"]

type KeyPath = tuple[str, ...]

BARE_KEY_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
)
ESCAPES = MappingProxyType(
    {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\"}
)


@dataclass(frozen=True, slots=True)
class TomlLineIndex:
    """Lines of the keys, tables and array items of one TOML text.

    Attributes:
        keys: Key path to the 1-based line where it first appears.
        items: Array key path to its string items and their lines.
    """

    keys: MappingProxyType[KeyPath, int] = field(
        default_factory=lambda: MappingProxyType({})
    )
    items: MappingProxyType[KeyPath, tuple[tuple[str, int], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def line_of(self, *path: str) -> int | None:
        """Return the line of a key or table.

        Args:
            *path: The key path (``"tool", "ruff", "line-length"``).

        Returns:
            The 1-based line, or None when the text does not contain it.
        """
        return self.keys.get(path)

    def anchor_line(self, *path: str) -> int | None:
        """Return the line of a key, else of its nearest written parent.

        Args:
            *path: The key path.

        Returns:
            The line of the key or of the closest enclosing table, or None.
        """
        for end in range(len(path), 0, -1):
            line = self.keys.get(path[:end])
            if line is not None:
                return line
        return None

    def item_line(self, path: KeyPath, value: str) -> int | None:
        """Return the line of a string item of an array.

        Args:
            path: The array's key path.
            value: The item's value.

        Returns:
            The item's line, else the array key's line, or None.
        """
        for item, line in self.items.get(path, ()):
            if item == value:
                return line
        return self.keys.get(path)


class _Scanner:
    """A forgiving single-pass reader of TOML structure (not values)."""

    def __init__(self, text: str) -> None:
        """Start at the beginning of the text.

        Args:
            text: The TOML text.
        """
        self.text = text
        self.index = 0
        self.line = 1
        self.table: KeyPath = ()
        # Open containers: ("{" or "[", the key path they belong to).
        self.stack: list[tuple[str, KeyPath]] = []
        self.expect_key = True
        self.value_path: KeyPath = ()
        self.keys: dict[KeyPath, int] = {}
        self.items: dict[KeyPath, list[tuple[str, int]]] = {}

    def peek(self, offset: int = 0) -> str:
        """Return the character at an offset from the cursor.

        Args:
            offset: Characters ahead of the cursor.

        Returns:
            The character, or the empty string past the end.
        """
        position = self.index + offset
        return self.text[position] if position < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        """Move the cursor, counting newlines.

        Args:
            count: How many characters to move over.
        """
        for _ in range(count):
            if self.index < len(self.text) and self.text[self.index] == "\n":
                self.line += 1
            self.index += 1

    def record(self, path: KeyPath, line: int) -> None:
        """Record a key path and its parents (implicit tables) if unseen.

        Args:
            path: The full key path.
            line: Its line.
        """
        for end in range(1, len(path) + 1):
            self.keys.setdefault(path[:end], line)

    def skip_comment(self) -> None:
        """Skip to the end of the line."""
        while self.peek() not in {"", "\n"}:
            self.advance()

    def read_string(self) -> str:
        """Read a basic, literal or multi-line string at the cursor.

        Returns:
            The string's value (escapes of basic strings decoded).
        """
        quote = self.peek()
        multi = self.peek(1) == quote and self.peek(2) == quote
        delimiter = quote * 3 if multi else quote
        self.advance(len(delimiter))
        chars: list[str] = []
        while self.peek() != "":
            if self.text.startswith(delimiter, self.index):
                self.advance(len(delimiter))
                break
            char = self.peek()
            if char == "\n" and not multi:
                break
            if char == "\\" and quote == '"':
                chars.append(ESCAPES.get(self.peek(1), self.peek(1)))
                self.advance(2)
                continue
            chars.append(char)
            self.advance()
        return "".join(chars)

    def read_key(self) -> KeyPath:
        """Read a possibly dotted, possibly quoted key at the cursor.

        Returns:
            The key's parts.
        """
        parts: list[str] = []
        while True:
            while self.peek() in {" ", "\t"}:
                self.advance()
            char = self.peek()
            if char in {'"', "'"}:
                parts.append(self.read_string())
            else:
                start = self.index
                while self.peek() in BARE_KEY_CHARS and self.peek() != "":
                    self.advance()
                if self.index == start:
                    break
                parts.append(self.text[start : self.index])
            while self.peek() in {" ", "\t"}:
                self.advance()
            if self.peek() != ".":
                break
            self.advance()
        return tuple(parts)

    def read_header(self) -> None:
        """Read a ``[table]`` or ``[[array.of.tables]]`` header."""
        line = self.line
        double = self.peek(1) == "["
        self.advance(2 if double else 1)
        path = self.read_key()
        while self.peek() == "]":
            self.advance()
        if path:
            self.table = path
            self.record(path, line)
        self.skip_comment()

    def read_key_value(self) -> None:
        """Read a key and its ``=``; the value is read by the main loop."""
        base = self.stack[-1][1] if self.stack else self.table
        line = self.line
        key = self.read_key()
        if not key:
            self.skip_comment()
            return
        path = (*base, *key)
        self.record(path, line)
        if self.peek() == "=":
            self.advance()
        self.expect_key = False
        self.value_path = path

    def read_value_char(self) -> None:
        """Handle one character of a value: containers, strings, separators."""
        char = self.peek()
        path = self.value_path
        if char in {'"', "'"}:
            line = self.line
            value = self.read_string()
            if self.stack and self.stack[-1][0] == "[":
                self.items.setdefault(self.stack[-1][1], []).append((value, line))
            return
        if char == "{":
            self.stack.append(("{", path))
            self.expect_key = True
        elif char == "[":
            self.stack.append(("[", path))
        elif char in {"]", "}"} and self.stack:
            _, closed = self.stack.pop()
            self.value_path = self.stack[-1][1] if self.stack else closed
        elif char == "," and self.stack and self.stack[-1][0] == "{":
            self.expect_key = True
        self.advance()

    def scan(self) -> None:
        """Read the whole text."""
        while self.peek() != "":
            char = self.peek()
            if char == "\n":
                self.advance()
                if not self.stack:
                    self.expect_key = True
                continue
            if char in {" ", "\t", "\r"}:
                self.advance()
                continue
            if char == "#":
                self.skip_comment()
                continue
            if self.expect_key and not self.stack and char == "[":
                self.read_header()
                continue
            in_table = not self.stack or self.stack[-1][0] == "{"
            if self.expect_key and in_table and char != "}":
                self.read_key_value()
                continue
            self.read_value_char()


def index_toml_lines(text: str) -> TomlLineIndex:
    """Index the lines of a TOML text's keys, tables and array items.

    Args:
        text: The TOML text (valid or not).

    Returns:
        The line index.
    """
    scanner = _Scanner(text)
    scanner.scan()
    return TomlLineIndex(
        MappingProxyType(scanner.keys),
        MappingProxyType({key: tuple(value) for key, value in scanner.items.items()}),
    )
