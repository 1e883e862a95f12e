"""The last run's report, stored for replay: its metadata and its output bytes.

A run that finds nothing changed writes the stored output as it is, so a warm
run prints exactly the bytes of the cold one. The output is mapped, not read
(it is checked once and written once; a copy would cost a third of a replay of
a large report), and the mapping holds a shared ``flock`` on the file until it
is closed or the process ends.

The output is rewritten in place when no other process holds such a lock:
writing into the file's own pages costs a few milliseconds for a report of
tens of megabytes, where a new file costs several times that (the new pages
allocated, the old file's pages and blocks freed), and more while the disk
still writes back the last one. A file some replay is reading cannot be locked
exclusively: it is then replaced through a temporary file, as the metadata
always is, and the reader keeps the old one. A rewrite cut short leaves bytes
the metadata's CRC-32 and length do not recognise, so they are never replayed
(see ``services.replay.output_check``). Where ``flock`` does not exist
(Windows), the output is always replaced.
"""

from __future__ import annotations

import json
import mmap
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from strictpy.adapters.cache_folder import (
    CACHE_DIR,
    CACHE_FORMAT,
    TEMPORARY_PREFIX,
    prepare_cache_folder,
)

if sys.platform != "win32":
    import fcntl

if TYPE_CHECKING:
    from typing import BinaryIO

__all__ = ["StoredBytes", "load_last_run", "release_stored", "save_last_run"]

# A stored report: mapped from its file, or empty.
type StoredBytes = bytes | mmap.mmap


class _LockedMapping(mmap.mmap):
    """A read-only mapping of a stored report and the locked file behind it."""

    __slots__ = ("_file",)

    def hold(self, file: BinaryIO) -> None:
        """Keep the file whose shared lock protects the mapping.

        The lock belongs to the file's open description: kept open here, it
        holds wherever ``flock`` is emulated with record locks (NFS), which a
        close of any descriptor would release.

        Args:
            file: The open, locked file.
        """
        self._file = file

    def close(self) -> None:
        """Unmap, then close the file, which releases its lock."""
        super().close()
        self._file.close()


def _last_run_files(root: Path) -> tuple[Path, Path]:
    """Return the files that hold the last run's replay data.

    Args:
        root: The project root.

    Returns:
        The metadata file and the output file.
    """
    folder = root / CACHE_DIR
    return (
        folder / f"last-run-v{CACHE_FORMAT}.json",
        folder / f"last-output-v{CACHE_FORMAT}",
    )


def _mapped(path: Path) -> StoredBytes:
    """Map a file into memory, read-only, under a shared lock.

    Args:
        path: The file.

    Returns:
        Its bytes, mapped (or empty).
    """
    stream = path.open("rb")
    mapping: _LockedMapping | None = None
    try:
        if sys.platform != "win32":
            # Waits while a run rewrites the file in place (milliseconds).
            fcntl.flock(stream.fileno(), fcntl.LOCK_SH)
        if os.fstat(stream.fileno()).st_size:
            mapping = _LockedMapping(stream.fileno(), 0, access=mmap.ACCESS_READ)
            mapping.hold(stream)
    finally:
        if mapping is None:
            stream.close()
    return b"" if mapping is None else mapping


def release_stored(output: StoredBytes) -> None:
    """Unmap a stored report and release its lock, once it is no longer read.

    Args:
        output: What ``load_last_run`` returned as the output.
    """
    if isinstance(output, mmap.mmap):
        output.close()


def load_last_run(root: Path) -> tuple[dict[str, object], StoredBytes] | None:
    """Load the last run's metadata and rendered output.

    Args:
        root: The project root.

    Returns:
        The metadata and output bytes, or None when missing or unreadable.
    """
    meta_file, output_file = _last_run_files(root)
    try:
        meta = json.loads(meta_file.read_bytes())
        output = _mapped(output_file)
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT:
        release_stored(output)
        return None
    return meta, output


def _rewrite_in_place(path: Path, data: bytes) -> bool:
    """Rewrite a file in place, unless a replay holds it (or ``flock`` is missing).

    Args:
        path: The file (created when missing).
        data: Its new content.

    Raises:
        OSError: If writing failed midway (the file's bytes are then unknown).

    Returns:
        False when the file was left alone.
    """
    if sys.platform == "win32":
        return False
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError:
        return False
    with os.fdopen(descriptor, "r+b") as stream:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        stream.write(data)
        stream.truncate()
    return True


def _replace(path: Path, data: bytes) -> None:
    """Replace a file atomically through a temporary file beside it.

    Args:
        path: The file.
        data: Its new content.
    """
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=TEMPORARY_PREFIX, delete=False
    ) as stream:
        stream.write(data)
        temporary = Path(stream.name)
    temporary.replace(path)


def save_last_run(root: Path, meta: dict[str, object], output: bytes) -> None:
    """Store the last run's output, then its metadata; failures are ignored.

    Args:
        root: The project root.
        meta: JSON-ready metadata (the inputs' fingerprints, exit code, the
            output's check).
        output: The rendered report.
    """
    meta_file, output_file = _last_run_files(root)
    try:
        prepare_cache_folder(meta_file.parent)
        if not _rewrite_in_place(output_file, output):
            _replace(output_file, output)
        _replace(meta_file, json.dumps({**meta, "format": CACHE_FORMAT}).encode())
    except OSError:
        return
