"""One list of ignore patterns (an ignore file, the configured exclusions), gitignore semantics.

``pathspec`` compiles every pattern to a regular expression and tries each one
on every path. Most patterns met in practice are one of three plain forms, and
each form matches a path exactly when one of the path's components passes a
string test:

* a bare name (``.venv``, ``node_modules``: the ruleset's excluded folders are
  all such names) matches a component equal to it;
* a bare name with a trailing slash (``build/``) matches a component equal to
  it that is a folder: any component but the last, or the last one of a folder;
* a star and a bare suffix (``*.pyc``) matches a component ending with it (a
  gitignore star also matches a leading dot).

Those are answered with set lookups and ``str.endswith`` and never compiled;
only the other patterns go to ``pathspec``. A list holding a negation
(``!name``) is handed to ``pathspec`` whole, because there the order of the
patterns decides. ``pathspec`` itself is imported only when some pattern needs
it: a run that replays a stored report often meets plain forms alone.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pathspec

__all__ = ["IgnorePatterns"]

# A pattern made of these characters only has no wildcard, no escape, no
# slash, no comment or negation mark and no significant spaces.
BARE_NAME = re.compile(r"[A-Za-z0-9_.-]+")
FOLDER_MARK = "/"
STAR = "*"


def _is_bare_name(line: str) -> bool:
    """Tell whether a text is a bare file or folder name.

    Args:
        line: One line of an ignore file, or part of one.

    Returns:
        True for names such as ``.venv`` or ``build``; False for ``.`` and ``..``.
    """
    return BARE_NAME.fullmatch(line) is not None and line.strip(".") != ""


def _is_pattern(line: str) -> bool:
    """Tell whether a line is a pattern rather than a blank line or a comment.

    Args:
        line: One line of an ignore file.

    Returns:
        True when the line can match something.
    """
    return bool(line.strip()) and not line.startswith("#")


def _gitignore_spec(lines: list[str]) -> pathspec.PathSpec:
    """Compile pattern lines with ``pathspec``'s gitignore semantics.

    Args:
        lines: The pattern lines.

    Returns:
        The compiled spec.
    """
    gitignore = importlib.import_module("pathspec").GitIgnoreSpec
    return gitignore.from_lines(lines)


@dataclass(frozen=True, slots=True)
class IgnorePatterns:
    """Ignore patterns split into plain forms and the rest.

    Attributes:
        names: Bare names, matched against every component of a path.
        folders: Bare names given with a trailing slash: folders only.
        suffixes: The suffixes of ``*<suffix>`` patterns.
        spec: The other patterns, or None when there are none.
    """

    names: frozenset[str]
    folders: frozenset[str]
    suffixes: tuple[str, ...]
    spec: pathspec.PathSpec | None

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> IgnorePatterns:
        """Split pattern lines, keeping gitignore's meaning.

        Args:
            lines: The lines of an ignore file, or configured patterns.

        Returns:
            The split patterns.
        """
        lines = list(lines)
        if any(line.startswith("!") for line in lines):
            return cls(frozenset(), frozenset(), (), _gitignore_spec(lines))
        names: set[str] = set()
        folders: set[str] = set()
        suffixes: list[str] = []
        rest: list[str] = []
        for line in lines:
            if _is_bare_name(line):
                names.add(line)
            elif line.endswith(FOLDER_MARK) and _is_bare_name(line[:-1]):
                folders.add(line[:-1])
            elif line.startswith(STAR) and BARE_NAME.fullmatch(line[1:]):
                suffixes.append(line[1:])
            else:
                rest.append(line)
        spec = _gitignore_spec(rest) if any(map(_is_pattern, rest)) else None
        return cls(frozenset(names), frozenset(folders), tuple(suffixes), spec)

    def matches(self, path: str, *, is_dir: bool) -> bool:
        """Tell whether the patterns ignore a path.

        Args:
            path: The path relative to the patterns' folder, ``/``-separated.
            is_dir: Whether the path is a folder.

        Returns:
            True when some pattern matches the path or one of its folders.
        """
        parts = path.split("/")
        if self.names and not self.names.isdisjoint(parts):
            return True
        if self.folders and not self.folders.isdisjoint(
            parts if is_dir else parts[:-1]
        ):
            return True
        if self.suffixes and any(part.endswith(self.suffixes) for part in parts):
            return True
        if self.spec is None:
            return False
        return self.spec.match_file(f"{path}/" if is_dir else path)
