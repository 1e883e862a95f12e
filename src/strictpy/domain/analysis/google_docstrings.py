"""A tolerant parser of Google-style docstrings: text in, a frozen parse out.

The parser reads what people actually write: ``name (type): text`` and
``name: text`` entries, ``*args`` with or without stars, descriptions indented
under an entry over several lines, blank lines inside sections, ``Returns:`` with
or without a type prefix, dotted exception names under ``Raises:``. Everything it
tolerates but the ruleset's format does not (a non-canonical header, an unknown
header, a malformed entry, sections out of order) is recorded as a problem, so
one parse serves every docstring rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ARGS",
    "RAISES",
    "RETURNS",
    "YIELDS",
    "Entry",
    "ParsedDocstring",
    "Problem",
    "Section",
    "normalize_param",
    "parse_docstring",
]

ARGS = "Args"
RAISES = "Raises"
RETURNS = "Returns"
YIELDS = "Yields"
UNKNOWN = "unknown"

# Lower-cased header as written -> canonical kind.
HEADER_KINDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "args": ARGS,
        "arguments": ARGS,
        "argument": ARGS,
        "parameters": ARGS,
        "parameter": ARGS,
        "params": ARGS,
        "param": ARGS,
        "keyword args": "Keyword Args",
        "keyword arguments": "Keyword Args",
        "other parameters": "Other Parameters",
        "raises": RAISES,
        "raise": RAISES,
        "exceptions": RAISES,
        "throws": RAISES,
        "returns": RETURNS,
        "return": RETURNS,
        "yields": YIELDS,
        "yield": YIELDS,
        "attributes": "Attributes",
        "note": "Note",
        "notes": "Note",
        "example": "Example",
        "examples": "Example",
        "see also": "See Also",
        "warning": "Warning",
        "warnings": "Warning",
        "warns": "Warns",
        "references": "References",
    }
)
# Headers spelled exactly as Google's style guide (and napoleon) spell them.
CANONICAL_HEADERS = frozenset(
    {
        "Args",
        "Keyword Args",
        "Keyword Arguments",
        "Other Parameters",
        "Raises",
        "Returns",
        "Yields",
        "Attributes",
        "Note",
        "Notes",
        "Example",
        "Examples",
        "See Also",
        "Warning",
        "Warnings",
        "Warns",
        "References",
    }
)
# Sections whose body is a list of ``name: description`` entries.
ENTRY_KINDS = frozenset(
    {ARGS, "Keyword Args", "Other Parameters", RAISES, "Attributes", "Warns"}
)
# The ruleset's order; other sections may stand anywhere.
SECTION_RANKS: MappingProxyType[str, int] = MappingProxyType(
    {ARGS: 1, RAISES: 2, RETURNS: 3, YIELDS: 3}
)
HEADER_LINE = re.compile(r"^(?P<title>[A-Za-z][A-Za-z ]*?)\s*:$")
# A header-looking line that is not a known section: one or two capitalised words.
UNKNOWN_TITLE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")
INLINE_HEADER = re.compile(
    r"^(?P<title>Args|Arguments|Parameters|Raises|Returns|Return|Yields|Yield)"
    r"\s*:\s+(?P<text>\S.*)$"
)
ENTRY = re.compile(
    r"^(?P<name>(?:\\?\*){0,2}[A-Za-z_][\w.]*)\s*"
    r"(?:\((?P<type>.*?)\))?\s*:(?:\s+(?P<description>.*))?$"
)
TAB_SIZE = 8
SHOWN_ENTRY_CHARS = 30


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``name (type): description`` item of an entry section.

    Attributes:
        name: The name as written (``*args``, ``pkg.ErrorName``).
        type: The text in parentheses after the name, if any.
        description: The description, continuation lines joined by spaces.
        line: The entry's line offset from the docstring's first line.
    """

    name: str
    type: str | None
    description: str
    line: int


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a docstring, such as ``Args:``.

    Attributes:
        kind: The canonical kind (``Args`` for ``Arguments:`` too), or ``unknown``.
        header: The header as written, without its colon.
        line: The header's line offset from the docstring's first line.
        entries: The entries, for entry sections (``Args``, ``Raises``...).
        text: The body's text, lines joined by newlines.
    """

    kind: str
    header: str
    line: int
    entries: tuple[Entry, ...]
    text: str

    @property
    def names(self) -> tuple[str, ...]:
        """The entries' names in order.

        Returns:
            The names as written.
        """
        return tuple(entry.name for entry in self.entries)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a docstring that departs from the ruleset's format.

    Attributes:
        line: The line offset from the docstring's first line.
        message: What is wrong, as a sentence fragment without final period.
    """

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ParsedDocstring:
    """The parts of a Google-style docstring.

    Attributes:
        summary: The first line of the summary paragraph, stripped.
        summary_problem: Why the summary breaks the format, or None.
        sections: The sections in source order.
        problems: Format problems of the sections (headers, entries, order).
    """

    summary: str
    summary_problem: str | None
    sections: tuple[Section, ...]
    problems: tuple[Problem, ...]

    def section(self, kind: str) -> Section | None:
        """Return the first section of a kind.

        Args:
            kind: A canonical kind such as ``Args``.

        Returns:
            The section, or None when the docstring has none.
        """
        for section in self.sections:
            if section.kind == kind:
                return section
        return None

    def has(self, kind: str) -> bool:
        """Tell whether the docstring has a section of a kind.

        Args:
            kind: A canonical kind such as ``Returns``.

        Returns:
            True when such a section exists.
        """
        return self.section(kind) is not None


def normalize_param(name: str) -> str:
    """Return a documented or declared parameter name without stars or escapes.

    Args:
        name: ``*args``, ``\\*\\*kwargs`` or a plain name.

    Returns:
        The bare identifier.
    """
    return name.replace("\\", "").lstrip("*")


def _indent(line: str) -> int:
    """Return the number of leading spaces of a line.

    Args:
        line: A line with tabs already expanded.

    Returns:
        The indentation width.
    """
    return len(line) - len(line.lstrip(" "))


def _dedent(text: str) -> list[str]:
    """Split a docstring into lines with the common indentation removed.

    The first line follows the opening quotes and is only stripped; the others
    lose the smallest indentation among them, as ``inspect.cleandoc`` does.

    Args:
        text: The docstring's value.

    Returns:
        The lines; blank lines are empty strings.
    """
    lines = [line.rstrip() for line in text.expandtabs(TAB_SIZE).splitlines()]
    if not lines:
        return []
    indents = [_indent(line) for line in lines[1:] if line]
    margin = min(indents, default=0)
    return [lines[0].strip()] + [line[margin:] for line in lines[1:]]


@dataclass(frozen=True, slots=True)
class _Header:
    """A recognised section header line.

    Attributes:
        kind: The canonical kind, or ``unknown``.
        title: The header as written, without its colon.
        inline: Text written after the colon on the same line, if any.
    """

    kind: str
    title: str
    inline: str | None


class _SectionBuilder:
    """Collects one section's body lines while the parser reads on.

    Attributes:
        header: The section's header.
        line: The header's line offset.
        indent: The header's indentation.
        body: (offset, indent, stripped text) of each non-blank body line.
    """

    __slots__ = ("body", "header", "indent", "line")

    def __init__(self, header: _Header, line: int, indent: int) -> None:
        """Start a section at its header.

        Args:
            header: The recognised header.
            line: The header's line offset.
            indent: The header's indentation.
        """
        self.header = header
        self.line = line
        self.indent = indent
        self.body: list[tuple[int, int, str]] = []
        if header.inline is not None:
            self.body.append((line, indent + 1, header.inline))


class _Parser:
    """Reads the dedented lines of one docstring, once, top to bottom.

    Attributes:
        lines: The dedented lines.
        problems: Format problems found so far.
        sections: Finished sections in order.
    """

    __slots__ = ("lines", "problems", "sections")

    def __init__(self, lines: list[str]) -> None:
        """Prepare to read a docstring.

        Args:
            lines: The dedented lines.
        """
        self.lines = lines
        self.problems: list[Problem] = []
        self.sections: list[Section] = []

    def _next_indent(self, index: int) -> int:
        """Return the indentation of the next non-blank line after an index.

        Args:
            index: A line index.

        Returns:
            The indentation, or -1 when only blank lines follow.
        """
        for line in self.lines[index + 1 :]:
            if line:
                return _indent(line)
        return -1

    def header_at(self, index: int) -> _Header | None:
        """Recognise a section header on a line.

        Args:
            index: The line index.

        Returns:
            The header, or None for an ordinary line.
        """
        stripped = self.lines[index].strip()
        match = HEADER_LINE.match(stripped)
        if match:
            title = match["title"]
            kind = HEADER_KINDS.get(title.lower())
            if kind is not None:
                return _Header(kind, title, None)
            at_margin = _indent(self.lines[index]) == 0
            if (
                at_margin
                and UNKNOWN_TITLE.match(title)
                and self._next_indent(index) > 0
            ):
                return _Header(UNKNOWN, title, None)
            return None
        match = INLINE_HEADER.match(stripped)
        if match:
            return _Header(
                HEADER_KINDS[match["title"].lower()], match["title"], match["text"]
            )
        return None

    def summary(self) -> tuple[str, str | None, int]:
        """Read the summary paragraph.

        Returns:
            The summary line, the summary's problem (or None) and the index of
            the first line after the summary paragraph.
        """
        lines = self.lines
        first = next((index for index, line in enumerate(lines) if line), None)
        if first is None:
            return "", "is empty", len(lines)
        end = first + 1
        while end < len(lines) and lines[end] and self.header_at(end) is None:
            end += 1
        summary = lines[first].strip()
        problem: str | None = None
        if first > 0:
            problem = "does not start on the docstring's first line"
        elif not summary.endswith(".") and end - first > 1:
            problem = f"spans {end - first} lines instead of one"
        elif not summary.endswith("."):
            problem = "does not end with a period"
        elif end - first > 1 or (end < len(lines) and lines[end]):
            problem = "is not followed by a blank line"
        return summary, problem, end

    def read_body(self, start: int) -> None:
        """Read the description and sections after the summary.

        Args:
            start: The index of the first line after the summary paragraph.
        """
        current: _SectionBuilder | None = None
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if not line:
                continue
            indent = _indent(line)
            if current is not None and indent > current.indent:
                header = self._nested_header(index)
                if header is None:
                    current.body.append((index, indent, line.strip()))
                    continue
                self._finish(current)
                current = _SectionBuilder(header, index, indent)
                continue
            if current is not None:
                self._finish(current)
                current = None
            header = self.header_at(index)
            if header is None:
                continue
            if indent > 0 and header.kind != UNKNOWN:
                self.problems.append(
                    Problem(index, f"Section header '{header.title}:' is indented")
                )
            current = _SectionBuilder(header, index, indent)
        if current is not None:
            self._finish(current)

    def _nested_header(self, index: int) -> _Header | None:
        """Recognise an ordered section's header indented inside another section.

        Args:
            index: The line index.

        Returns:
            The header (recorded as a problem), or None.
        """
        match = HEADER_LINE.match(self.lines[index].strip())
        kind = HEADER_KINDS.get(match["title"].lower()) if match else None
        if match is None or kind not in SECTION_RANKS:
            return None
        title = match["title"]
        self.problems.append(
            Problem(index, f"Section header '{title}:' is indented inside a section")
        )
        return _Header(kind, title, None)

    def _finish(self, builder: _SectionBuilder) -> None:
        """Turn a collected section into a ``Section`` and check its format.

        Args:
            builder: The collected section.
        """
        header = builder.header
        label = f"'{header.title}:'"
        if header.kind == UNKNOWN:
            self.problems.append(
                Problem(builder.line, f"Unknown section header {label}")
            )
        elif header.title not in CANONICAL_HEADERS:
            self.problems.append(
                Problem(builder.line, f"Use '{header.kind}:' instead of {label}")
            )
        if header.inline is not None:
            self.problems.append(
                Problem(
                    builder.line, f"Section header {label} must stand alone on its line"
                )
            )
        if not builder.body:
            self.problems.append(Problem(builder.line, f"Section {label} is empty"))
        entries: tuple[Entry, ...] = ()
        if header.kind in ENTRY_KINDS and builder.body:
            entries = self._entries(builder, label)
        text = "\n".join(text for _, _, text in builder.body)
        self.sections.append(
            Section(header.kind, header.title, builder.line, entries, text)
        )

    def _entries(self, builder: _SectionBuilder, label: str) -> tuple[Entry, ...]:
        """Split an entry section's body into entries.

        Args:
            builder: The collected section.
            label: The quoted header, for messages.

        Returns:
            The well-formed entries.
        """
        entry_indent = builder.body[0][1]
        groups: list[list[tuple[int, str]]] = []
        for offset, indent, text in builder.body:
            if indent > entry_indent and groups:
                groups[-1].append((offset, text))
                continue
            if indent < entry_indent:
                self.problems.append(
                    Problem(
                        offset,
                        f"Line '{text[:SHOWN_ENTRY_CHARS]}' of {label} is indented"
                        " less than the entries above it",
                    )
                )
            groups.append([(offset, text)])
        entries: list[Entry] = []
        for group in groups:
            offset, text = group[0]
            match = ENTRY.match(text)
            shown = text[:SHOWN_ENTRY_CHARS]
            if match is None:
                self.problems.append(
                    Problem(
                        offset,
                        f"Entry '{shown}' of {label} is not 'name: description'",
                    )
                )
                continue
            parts = [match["description"] or "", *(line for _, line in group[1:])]
            description = " ".join(part for part in parts if part)
            if not description:
                self.problems.append(
                    Problem(
                        offset, f"Entry '{match['name']}' of {label} has no description"
                    )
                )
            entries.append(Entry(match["name"], match["type"], description, offset))
        return tuple(entries)

    def check_order(self) -> None:
        """Record sections that repeat or break the order Args, Raises, Returns."""
        seen: set[str] = set()
        latest: Section | None = None
        for section in self.sections:
            if section.kind in seen and section.kind != UNKNOWN:
                self.problems.append(
                    Problem(section.line, f"Section '{section.kind}:' appears twice")
                )
            seen.add(section.kind)
            rank = SECTION_RANKS.get(section.kind)
            if rank is None:
                continue
            if latest is not None and rank < SECTION_RANKS[latest.kind]:
                self.problems.append(
                    Problem(
                        section.line,
                        f"Section '{section.header}:' comes after"
                        f" '{latest.header}:' (order: Args, Raises, Returns/Yields)",
                    )
                )
            else:
                latest = section


def parse_docstring(text: str) -> ParsedDocstring:
    """Parse a docstring's value in Google style.

    Args:
        text: The docstring's value (escapes already evaluated).

    Returns:
        The summary, sections and format problems.
    """
    parser = _Parser(_dedent(text))
    summary, summary_problem, end = parser.summary()
    parser.read_body(end)
    parser.check_order()
    problems = sorted(parser.problems, key=lambda problem: problem.line)
    return ParsedDocstring(
        summary, summary_problem, tuple(parser.sections), tuple(problems)
    )
