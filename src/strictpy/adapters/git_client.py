"""Asking git which files it tracks (``git ls-files``), without a shell."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["tracked_files"]

GIT_TIMEOUT_SECONDS = 30


def tracked_files(root: Path) -> frozenset[str] | None:
    """Return the paths git tracks under a root, relative to it.

    Args:
        root: The project root.

    Returns:
        The tracked paths, or None when git is missing or the root is not in a
        work tree.
    """
    git = shutil.which("git")
    if git is None:
        return None
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [git, "ls-files", "-z", "--full-name", "--", "."],
            cwd=root,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode != 0:
        return None
    prefix = _work_tree_prefix(git, root)
    names = completed.stdout.decode("utf-8", errors="replace").split("\0")
    return frozenset(
        name.removeprefix(prefix) for name in names if name and name.startswith(prefix)
    )


def _work_tree_prefix(git: str, root: Path) -> str:
    """Return the root's path inside its work tree (``''`` at the top).

    Args:
        git: The git executable.
        root: The project root.

    Returns:
        The prefix with a trailing ``/``, or ``''``.
    """
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [git, "rev-parse", "--show-prefix"],
            cwd=root,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return completed.stdout.decode("utf-8", errors="replace").strip()
