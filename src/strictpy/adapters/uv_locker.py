"""Running ``uv lock`` in a newly scaffolded project (ruleset 2: uv manages dependencies)."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["LOCK_TIMEOUT_SECONDS", "find_uv", "lock_project"]

LOCK_TIMEOUT_SECONDS = 300
RETRY_HINT = "run 'uv lock' in the new project"


def find_uv() -> str | None:
    """Locate the ``uv`` executable on ``PATH``.

    Returns:
        Its path, or None.
    """
    return shutil.which("uv")


def lock_project(folder: Path, python: str | None = None) -> str | None:
    """Create ``uv.lock`` for the project in a folder.

    Args:
        folder: The project's folder (it holds ``pyproject.toml``).
        python: The interpreter uv resolves with (the lock is universal; this
            only spares uv a search or a download).

    Returns:
        None on success, else a one-line notice saying why it did not work.
    """
    uv = find_uv()
    if uv is None:
        return f"uv was not found, so uv.lock was not created; {RETRY_HINT}"
    python_option = ["--python", python] if python else []
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [uv, "lock", "--quiet", "--no-progress", *python_option],
            cwd=folder,
            capture_output=True,
            timeout=LOCK_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"uv lock did not finish within {LOCK_TIMEOUT_SECONDS} seconds; {RETRY_HINT}"
    except OSError as error:
        return f"uv could not be started ({error.strerror or type(error).__name__}); {RETRY_HINT}"
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", errors="replace").strip()
        first = (
            detail.splitlines()[0] if detail else f"exit code {completed.returncode}"
        )
        return f"uv lock failed ({first}); {RETRY_HINT}"
    return None
