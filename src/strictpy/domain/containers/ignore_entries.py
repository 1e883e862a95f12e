"""Ignore files (``.gitignore``, ``.dockerignore``) and whether they list an entry.

A required entry counts as present when some line of the file ignores at least
what the entry ignores, written in any equivalent way: ``/.venv/`` and
``**/.venv/`` cover ``.venv/``; ``*.py[cod]`` covers ``*.pyc``; ``.venv`` (file
or folder) covers ``.venv/`` (folder only), but not the other way round in a
``.gitignore``. A later negation that re-includes everything the entry ignores
(``!.env`` after ``.env``) takes the entry away again; a narrower exception
(``!README.md`` after ``*.md``) does not. ``.dockerignore`` follows Docker's
rules: surrounding spaces are trimmed and a trailing ``/`` means nothing.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from strictpy.domain.containers.input_problem import binary_problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from strictpy.domain.containers.input_problem import InputProblem

__all__ = ["IgnoreDialect", "IgnoreFile", "IgnorePattern", "parse_ignore_file"]


class IgnoreDialect(StrEnum):
    """Which tool reads the file: git's or Docker's pattern rules."""

    GIT = "gitignore"
    DOCKER = "dockerignore"


@dataclass(frozen=True, slots=True)
class IgnorePattern:
    """One pattern line of an ignore file.

    Attributes:
        text: The line as written, without surrounding whitespace.
        line: The 1-based line.
        negated: Whether it is an exception (``!pattern``).
        pattern: The pattern without ``!``, leading ``/`` or ``**/`` and
            trailing ``/``.
        dir_only: Whether it matches folders only (git's trailing ``/``).
    """

    text: str
    line: int
    negated: bool
    pattern: str
    dir_only: bool


@dataclass(frozen=True, slots=True)
class IgnoreFile:
    """A parsed ignore file.

    Attributes:
        path: The project-relative path.
        dialect: Git's or Docker's pattern rules.
        patterns: The pattern lines, in file order.
    """

    path: str
    dialect: IgnoreDialect
    patterns: tuple[IgnorePattern, ...]

    def has_entry(self, entry: str) -> bool:
        """Tell whether the file ignores everything a required entry ignores.

        Args:
            entry: A required entry, e.g. ``__pycache__/``.

        Returns:
            True when a line covers it and no later exception takes it back.
        """
        required = _pattern(entry, 0, self.dialect)
        if required is None:
            return True
        present = False
        for candidate in self.patterns:
            if _covers(candidate, required, self.dialect):
                present = not candidate.negated
        return present

    def missing(self, entries: Iterable[str]) -> tuple[str, ...]:
        """Return the required entries the file lacks, in the given order.

        Args:
            entries: The required entries.

        Returns:
            The missing ones.
        """
        return tuple(entry for entry in entries if not self.has_entry(entry))


def _strip_trailing_spaces(line: str) -> str:
    """Strip git's unescaped trailing spaces.

    Args:
        line: A raw line.

    Returns:
        The line without trailing spaces that are not escaped.
    """
    stripped = line.rstrip(" \t\r")
    if stripped.endswith("\\") and len(stripped) < len(line.rstrip("\r")):
        return stripped + " "
    return stripped


def _pattern(raw: str, number: int, dialect: IgnoreDialect) -> IgnorePattern | None:
    """Parse one line into a pattern; comments and blank lines give None.

    Args:
        raw: The line.
        number: Its 1-based line number.
        dialect: Git's or Docker's rules.

    Returns:
        The pattern, or None.
    """
    text = (
        raw.strip() if dialect is IgnoreDialect.DOCKER else _strip_trailing_spaces(raw)
    )
    if not text or text.startswith("#"):
        return None
    negated = text.startswith("!")
    body = text[1:] if negated else text
    if dialect is IgnoreDialect.GIT and body.startswith(("\\#", "\\!")):
        body = body[1:]
    dir_only = False
    if dialect is IgnoreDialect.DOCKER:
        body = posixpath.normpath(body.strip()) if body.strip() else ""
    else:
        if body.endswith("/**"):
            body = body[: -len("/**")]
            dir_only = True
        if body.endswith("/"):
            body = body.rstrip("/")
            dir_only = True
    body = body.lstrip("/")
    while body.startswith("**/"):
        body = body[len("**/") :]
    if not body or body == ".":
        return None
    return IgnorePattern(text, number, negated, body, dir_only)


def _class_body(body: str) -> str:
    """Translate the inside of a glob bracket expression (``[!a-z]``).

    Args:
        body: The text between the brackets.

    Returns:
        The inside of the equivalent regular-expression class; every
        character is escaped except the dash of a range.
    """
    negated = body.startswith("!")
    chars = body[1:] if negated else body
    out = [
        "-"
        if char == "-" and 0 < index < len(chars) - 1 and chars[index - 1] != "-"
        else re.escape(char)
        for index, char in enumerate(chars)
    ]
    return ("^" if negated else "") + "".join(out)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a git/Docker glob into a regular expression.

    Args:
        pattern: The glob (``*`` and ``?`` stop at ``/``; ``**`` does not).

    Returns:
        The compiled expression, matching a whole string.
    """
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        elif char == "[":
            end = pattern.find("]", index + 2)
            if end < 0:
                out.append(re.escape(char))
            else:
                out.append("[" + _class_body(pattern[index + 1 : end]) + "]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + r"\Z")


def _covers(
    candidate: IgnorePattern, required: IgnorePattern, dialect: IgnoreDialect
) -> bool:
    """Tell whether a line's pattern matches everything a required entry matches.

    Args:
        candidate: A line of the file.
        required: The required entry, parsed the same way.
        dialect: Git's or Docker's rules.

    Returns:
        True when the candidate covers the entry.
    """
    if candidate.pattern == required.pattern:
        matches = True
    else:
        try:
            matches = bool(_glob_regex(candidate.pattern).match(required.pattern))
        except re.error:
            matches = False
    if not matches:
        return False
    return (
        dialect is IgnoreDialect.DOCKER or not candidate.dir_only or required.dir_only
    )


def parse_ignore_file(path: str, text: str) -> IgnoreFile | InputProblem:
    """Parse an ignore file; the dialect follows from its name.

    Args:
        path: ``.gitignore`` or ``.dockerignore`` (project-relative).
        text: The file's text.

    Returns:
        The parsed file, or the problem of a binary file.
    """
    binary = binary_problem(path, text)
    if binary is not None:
        return binary
    dialect = (
        IgnoreDialect.DOCKER
        if posixpath.basename(path) == ".dockerignore"
        else IgnoreDialect.GIT
    )
    patterns = tuple(
        pattern
        for number, raw in enumerate(text.split("\n"), start=1)
        if (pattern := _pattern(raw, number, dialect)) is not None
    )
    return IgnoreFile(path, dialect, patterns)
