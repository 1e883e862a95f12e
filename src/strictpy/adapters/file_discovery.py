"""Finding the Python files of a project: gitignore semantics via ``pathspec``.

``.gitignore`` files are honoured at every level (also outside a git work tree),
the ruleset's Ruff ``exclude`` folders and ``exclude``/``extend-exclude`` patterns
are pruned, directory symlinks are not followed (no loops), and explicitly named
files are always checked.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from strictpy.adapters.ignore_patterns import IgnorePatterns
from strictpy.exceptions import NotFoundError

__all__ = ["Discovery", "discover_python_files", "find_project_root", "relative_posix"]

logger = logging.getLogger(__name__)

PYTHON_SUFFIXES = (".py", ".pyi")
# strictpy's own cache is never part of the project it describes.
TOOL_FOLDERS = frozenset({".strictpy_cache"})


@dataclass(frozen=True, slots=True)
class Discovery:
    """The outcome of discovery under one root.

    Attributes:
        files: Absolute paths of the Python files to check, sorted.
        whole_project: Whether the root itself was among the requested paths.
        existing: Every non-ignored file and folder seen, relative to the root.
        unreadable: (folder, reason) for each folder that could not be listed,
            relative to the root (``("locked", "permission denied")``).
    """

    files: tuple[Path, ...]
    whole_project: bool
    existing: frozenset[str]
    unreadable: tuple[tuple[str, str], ...] = ()


def find_project_root(start: Path) -> Path:
    """Return the nearest folder at or above ``start`` holding a ``pyproject.toml``.

    Args:
        start: A file or folder.

    Returns:
        The project root; ``start``'s folder when no ancestor has one.
    """
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "pyproject.toml").is_file():
            return candidate
    return folder


def relative_posix(path: Path, root: Path) -> str:
    """Return a path relative to the root with ``/`` separators.

    Args:
        path: An absolute path under the root.
        root: The project root.

    Returns:
        The relative path ("" for the root, the absolute one outside it).
    """
    if path == root:
        return ""
    # A plain prefix test first: ``Path.relative_to`` is slow, and this runs for
    # every file and every Ruff diagnostic.
    root_text = str(root)
    prefix = root_text if root_text.endswith(os.sep) else root_text + os.sep
    text = str(path)
    if text.startswith(prefix) and os.sep == "/":
        return text[len(prefix) :]
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_ignore_file(path: Path) -> list[str]:
    """Read an ignore file's lines, tolerating unreadable or undecodable files.

    Args:
        path: The ignore file.

    Returns:
        Its lines, or none when it cannot be read.
    """
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


class _IgnoreStack:
    """The ``.gitignore`` specs in force for the folder being walked."""

    def __init__(self, root: Path, patterns: list[str]) -> None:
        """Start with the root's configured exclusions.

        Args:
            root: The project root.
            patterns: ``exclude`` and ``extend-exclude`` patterns.
        """
        self._root = root
        self._specs: list[tuple[str, IgnorePatterns]] = [
            ("", IgnorePatterns.from_lines(patterns))
        ]
        info_exclude = root / ".git" / "info" / "exclude"
        if info_exclude.is_file():
            self._specs.append(
                ("", IgnorePatterns.from_lines(_read_ignore_file(info_exclude)))
            )

    def enter(self, folder_rel: str, folder: Path) -> int:
        """Add a folder's ``.gitignore``, if any.

        Args:
            folder_rel: The folder's path relative to the root ('' for the root).
            folder: The folder.

        Returns:
            How many specs were added (0 or 1), for ``leave``.
        """
        ignore_file = folder / ".gitignore"
        if not ignore_file.is_file():
            return 0
        spec = IgnorePatterns.from_lines(_read_ignore_file(ignore_file))
        self._specs.append((folder_rel, spec))
        return 1

    def leave(self, count: int) -> None:
        """Drop the specs a folder added.

        Args:
            count: The value ``enter`` returned.
        """
        for _ in range(count):
            self._specs.pop()

    def ignored(self, rel: str, *, is_dir: bool) -> bool:
        """Tell whether a path is ignored by any spec in force.

        Args:
            rel: The path relative to the root.
            is_dir: Whether the path is a folder.

        Returns:
            True when some spec ignores it.
        """
        for base, spec in self._specs:
            if base and not rel.startswith(base + "/"):
                continue
            local = rel[len(base) + 1 :] if base else rel
            if spec.matches(local, is_dir=is_dir):
                return True
        return False


@dataclass(slots=True)
class _Walked:
    """What a walk collects.

    Attributes:
        found: Discovered Python files.
        seen: Every non-ignored relative path.
        unreadable: Folders that could not be listed, with the reason.
    """

    found: list[Path] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def _walk(root: Path, folder: Path, stack: _IgnoreStack, walked: _Walked) -> None:
    """Collect the Python files under a folder, depth first.

    Args:
        root: The project root.
        folder: The folder to walk.
        stack: The ignore specs in force.
        walked: Where files, seen paths and unreadable folders are collected.
    """
    rel = relative_posix(folder, root)
    found, seen = walked.found, walked.seen
    added = stack.enter(rel, folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        walked.unreadable.append((rel or ".", reason))
        entries = []
    for entry in entries:
        entry_rel = f"{rel}/{entry.name}" if rel else entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError as error:
            logger.debug("skipping %s: %s", entry_rel, error.strerror)
            continue
        if (is_dir and entry.name in TOOL_FOLDERS) or stack.ignored(
            entry_rel, is_dir=is_dir
        ):
            continue
        seen.add(entry_rel)
        if is_dir:
            _walk(root, Path(entry.path), stack, walked)
        elif is_file and entry.name.endswith(PYTHON_SUFFIXES):
            found.append(Path(entry.path))
        elif not is_file and entry.name.endswith(PYTHON_SUFFIXES):
            # A dangling link or unreadable entry: keep it so the run reports it.
            found.append(Path(entry.path))
    stack.leave(added)


def discover_python_files(
    root: Path, requested: list[Path], patterns: list[str]
) -> Discovery:
    """Return the Python files to check under a project root.

    Args:
        root: The project root (absolute).
        requested: The absolute paths the user named (files or folders).
        patterns: Exclusion patterns (``exclude`` + ``extend-exclude``).

    Raises:
        NotFoundError: If a requested path does not exist.

    Returns:
        The files in path order and whether the whole project was requested.
    """
    walked = _Walked()
    found = walked.found
    whole = False
    # A folder named twice (the audit names the root beside the requested
    # paths) is walked once.
    for path in dict.fromkeys(requested):
        if not path.exists() and not path.is_symlink():
            message = f"path does not exist: {path.name or path}"
            raise NotFoundError(message)
        if path.is_dir():
            whole = whole or path == root
            stack = _IgnoreStack(root, patterns)
            for parent in reversed(path.parents):
                if parent == root or root in parent.parents:
                    stack.enter(relative_posix(parent, root), parent)
            if path == root or not stack.ignored(
                relative_posix(path, root), is_dir=True
            ):
                _walk(root, path, stack, walked)
        else:
            found.append(path)
    unique = sorted(set(found), key=lambda item: relative_posix(item, root))
    unreadable = tuple(dict.fromkeys(walked.unreadable))
    return Discovery(tuple(unique), whole, frozenset(walked.seen), unreadable)
