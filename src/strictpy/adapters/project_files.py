"""Reading a project's files: Python sources as bytes, project-level files as text."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["PROJECT_FILES", "read_bytes", "read_project_texts"]

logger = logging.getLogger(__name__)

PROJECT_FILES = (
    "pyproject.toml",
    "uv.lock",
    "Dockerfile",
    "docker-compose.yml",
    "docker-compose.yaml",
    "compose.yml",
    "compose.yaml",
    ".gitignore",
    ".dockerignore",
    ".env.example",
    "README.md",
    "alembic.ini",
)


def read_bytes(path: Path) -> bytes | str:
    """Read a file's bytes.

    Args:
        path: The file.

    Returns:
        The bytes, or a short reason (str) when the file cannot be read.
    """
    try:
        return path.read_bytes()
    except PermissionError:
        return "permission denied"
    except IsADirectoryError:
        return "is a directory"
    except FileNotFoundError:
        return "file not found (deleted or a broken link)"
    except OSError as error:
        return f"cannot be read ({error.strerror or type(error).__name__})"


def read_project_texts(root: Path) -> dict[str, str]:
    """Read the project-level files that exist at the root.

    Args:
        root: The project root.

    Returns:
        Relative path to text, for readable files; undecodable bytes replaced.
    """
    texts: dict[str, str] = {}
    for name in PROJECT_FILES:
        path = root / name
        if not path.is_file():
            continue
        try:
            texts[name] = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as error:
            logger.debug("skipping %s: %s", name, error.strerror)
            continue
    return texts
