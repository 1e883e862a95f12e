"""Writing files of an audited project safely: inside its root, atomically.

A hostile repository must not be able to make ``--fix`` write elsewhere: a
path is refused when it is absolute, climbs with ``..``, passes through a
symbolic link, or resolves outside the resolved project root. A file is
written to a temporary file in its own folder and moved over the target with
``os.replace``: readers never see half a file, a crash leaves the original
intact, and a hard link to the target keeps the old content (the name is
replaced, not the shared inode). An existing file keeps its permission bits; a
new one gets the process's default (``0o666`` minus the umask).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from strictpy.exceptions import ExternalServiceError, ValidationError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SafeWriter"]

NEW_FILE_MODE = 0o666
PERMISSION_BITS = 0o7777
TEMP_SUFFIX = ".strictpy-tmp"


@dataclass(frozen=True, slots=True)
class SafeWriter:
    """Writes files below one project root and nowhere else.

    Attributes:
        root: The project root, resolved (symbolic links followed once, here).
    """

    root: Path

    @classmethod
    def for_root(cls, root: Path) -> SafeWriter:
        """Create a writer for a project root.

        Args:
            root: The project root.

        Returns:
            The writer, bound to the root's resolved location.
        """
        return cls(root.resolve())

    def target(self, relative: str) -> Path:
        """Return where a project-relative path lives, refusing unsafe paths.

        Args:
            relative: A ``/``-separated path below the root.

        Raises:
            ValidationError: If the path is absolute, climbs out with ``..``,
                passes through a symbolic link, or resolves outside the root.

        Returns:
            The absolute path.
        """
        pure = PurePosixPath(relative)
        if pure.is_absolute() or not pure.parts or ".." in pure.parts:
            message = f"refusing to write '{relative}': not a path inside the project"
            raise ValidationError(message)
        current = self.root
        for part in pure.parts:
            current /= part
            if current.is_symlink():
                message = (
                    f"refusing to write '{relative}': it goes through a symbolic link"
                )
                raise ValidationError(message)
        if not current.resolve().is_relative_to(self.root):
            message = f"refusing to write '{relative}': it resolves outside the project"
            raise ValidationError(message)
        return current

    def read(self, relative: str) -> bytes | None:
        """Read a file of the project, through the same checks as a write.

        Args:
            relative: A ``/``-separated path below the root.

        Raises:
            ExternalServiceError: If the file exists but cannot be read.

        Returns:
            The bytes, or None when the file does not exist.
        """
        path = self.target(relative)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            message = (
                f"cannot read '{relative}' ({error.strerror or type(error).__name__})"
            )
            raise ExternalServiceError(message) from None

    def write(self, relative: str, data: bytes, *, create: bool = False) -> None:
        """Replace (or create) a file atomically, keeping its permissions.

        Args:
            relative: A ``/``-separated path below the root.
            data: The new content.
            create: Refuse to overwrite: the file must not exist yet.

        Raises:
            ValidationError: If the path is unsafe, or exists while ``create``.
            ExternalServiceError: If the file system refuses the write.
        """
        path = self.target(relative)
        if create and (path.exists() or path.is_symlink()):
            message = f"refusing to create '{relative}': it already exists"
            raise ValidationError(message)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Folders created just now could have been swapped for links.
            self.target(relative)
            mode = path.stat().st_mode & PERMISSION_BITS if path.exists() else None
            _replace(path, data, mode)
        except OSError as error:
            message = (
                f"cannot write '{relative}' ({error.strerror or type(error).__name__})"
            )
            raise ExternalServiceError(message) from None


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    """Write bytes to a temporary sibling, then move it over the path.

    Args:
        path: The target file.
        data: The content.
        mode: Permission bits to keep, or None for a new file's default.

    Raises:
        OSError: If a step fails; the temporary file is removed first.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temporary, flags, NEW_FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            temporary.chmod(mode)
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
