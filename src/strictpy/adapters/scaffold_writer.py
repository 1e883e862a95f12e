"""Writing a new project's files into an empty folder (``strictpy new``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.adapters.safe_writer import SafeWriter
from strictpy.exceptions import ExternalServiceError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = ["write_new_project"]


def write_new_project(folder: Path, files: Mapping[str, str]) -> None:
    """Create a folder (or use an empty one) and write every file into it.

    Args:
        folder: The new project's folder.
        files: Project-relative path to text (written as UTF-8).

    Raises:
        ValidationError: If the folder is a file or is not empty.
        ExternalServiceError: If the folder cannot be created.
    """
    if folder.exists() and not folder.is_dir():
        message = f"cannot create the project in '{folder.name}': it is a file"
        raise ValidationError(message)
    if folder.is_dir() and any(folder.iterdir()):
        message = f"refusing to scaffold into '{folder.name}': the folder is not empty"
        raise ValidationError(message)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = (
            f"cannot create '{folder.name}' ({error.strerror or type(error).__name__})"
        )
        raise ExternalServiceError(message) from None
    writer = SafeWriter.for_root(folder)
    for path, text in files.items():
        writer.write(path, text.encode("utf-8"), create=True)
