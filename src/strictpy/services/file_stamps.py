"""Knowing a file's digest without reading it: the last run's stamps, git's way.

A run that replays a stored report must still make sure that no file changed,
and hashing every file's bytes is a sixteenth of such a run. So each run records,
per file, its size, modification time (in nanoseconds) and inode next to the
digest of its bytes, and when the hashing began. The next run reuses a digest
when all three still match and the file was last modified well before that
moment. A file modified while, or just before, it was hashed ("racily clean",
in git's words) could change again within the clock's resolution without any of
the three changing, so it is hashed again; so is every file on a file system
whose clock is coarser than the margin allows for.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

__all__ = ["RACY_MARGIN_NS", "FileStamps", "Stamp"]

# Modified less than this long before the hashing began: hashed again. Two
# seconds covers the coarsest modification clocks in use (FAT's).
RACY_MARGIN_NS = 2_000_000_000
STAMP_FIELDS = 4

type Stamp = tuple[int, int, int, str]


def _stamp(value: object) -> Stamp | None:
    """Validate one stored stamp.

    Args:
        value: Decoded JSON.

    Returns:
        (size, modification time, inode, digest), or None when malformed.
    """
    if not isinstance(value, list) or len(value) != STAMP_FIELDS:
        return None
    size, modified, inode, digest = value
    numbers = (size, modified, inode)
    if not all(type(number) is int for number in numbers) or not isinstance(
        digest, str
    ):
        return None
    return (size, modified, inode, digest)


@dataclass(frozen=True, slots=True)
class FileStamps:
    """Per file, its stamp and digest, and when the digests were taken.

    Attributes:
        taken_ns: When the hashing began (nanoseconds since the epoch).
        files: Relative path to (size, modification time, inode, digest).
    """

    taken_ns: int
    files: Mapping[str, Stamp]

    def digest_of(self, path: str, status: os.stat_result) -> str | None:
        """Return a file's recorded digest if the file cannot have changed since.

        Args:
            path: The file's relative path.
            status: The file's status now.

        Returns:
            The digest, or None when the file must be hashed.
        """
        stamp = self.files.get(path)
        if stamp is None:
            return None
        size, modified, inode, digest = stamp
        unchanged = (
            status.st_size == size
            and status.st_mtime_ns == modified
            and status.st_ino == inode
        )
        if unchanged and modified < self.taken_ns - RACY_MARGIN_NS:
            return digest
        return None

    def to_json(self) -> dict[str, object]:
        """Encode for the last run's metadata.

        Returns:
            JSON-ready data.
        """
        return {
            "taken": self.taken_ns,
            "files": {path: list(stamp) for path, stamp in self.files.items()},
        }

    @classmethod
    def from_json(cls, data: object) -> FileStamps | None:
        """Decode stored stamps, trusting nothing malformed.

        Args:
            data: Decoded JSON, possibly from an older or damaged file.

        Returns:
            The stamps, or None when the data is not valid stamps.
        """
        if not isinstance(data, dict):
            return None
        taken, files = data.get("taken"), data.get("files")
        if type(taken) is not int or not isinstance(files, dict):
            return None
        stamps: dict[str, Stamp] = {}
        for path, value in files.items():
            stamp = _stamp(value)
            if stamp is None:
                return None
            stamps[str(path)] = stamp
        return cls(taken, MappingProxyType(stamps))
