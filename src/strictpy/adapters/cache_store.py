"""The on-disk cache: per-file results and the last run's project findings.

The cache is JSON, never pickle (see ``cache_codec``): loading it must never
run code, and anything unexpected makes the whole cache count as absent (never
trusted, never fatal). The file holds a header line, one line per source file
and an end line with the entry count and a checksum of the entries, so a file
cut short or altered is recognised. Writes go to a temporary file renamed into
place, so concurrent runs see either the old or the new cache. This module
imports neither libcst nor pydantic: a warm run stays light.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.cache_codec import (
    CacheCorruptError,
    CacheEntry,
    StoredFile,
    encode_entry,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "CACHE_DIR",
    "CacheContents",
    "CacheEntry",
    "StoredFile",
    "has_cache",
    "load_cache",
    "load_last_run",
    "save_cache",
    "save_last_run",
]

CACHE_DIR = ".strictpy_cache"
CACHE_FORMAT = 4
# Header line, end line, and the empty remainder after the final newline.
FRAME_LINES = 3
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by strictpy.\n"
)


@dataclass(frozen=True, slots=True)
class CacheContents:
    """What a cache file holds for one configuration.

    Attributes:
        key: The configuration fingerprint the entries were made with.
        files: Path to its entry: as stored (decoded on demand) when loaded, or
            (content hash, result, Ruff findings) when made by this run.
    """

    key: str
    files: Mapping[str, StoredFile | CacheEntry]


def _cache_file(root: Path) -> Path:
    """Return the cache file of a project root.

    Args:
        root: The project root.

    Returns:
        The path of the cache file.
    """
    return root / CACHE_DIR / f"results-v{CACHE_FORMAT}.json"


def has_cache(root: Path) -> bool:
    """Tell whether a project root has a cache file (valid or not).

    Args:
        root: The project root.

    Returns:
        True when the cache file exists.
    """
    return _cache_file(root).is_file()


def _checksum(lines: Iterable[str]) -> str:
    """Return the checksum of the entry lines, as the end line records it.

    Args:
        lines: The entry lines, without newlines.

    Returns:
        A hex digest.
    """
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def _read_cache(root: Path, key: str) -> CacheContents | None:
    """Read a cache file, decoding only each entry's name and digest.

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Raises:
        CacheCorruptError: If the file is incomplete or altered.

    Returns:
        The cache, or None when it was made with another configuration.
    """
    lines = _cache_file(root).read_text(encoding="utf-8").split("\n")
    head = json.loads(lines[0])
    if not isinstance(head, dict) or head.get("format") != CACHE_FORMAT:
        return None
    if head.get("key") != key:
        return None
    if len(lines) < FRAME_LINES or lines[-1]:
        message = "cache file is incomplete"
        raise CacheCorruptError(message)
    end = json.loads(lines[-2])
    entries = lines[1:-2]
    if (
        not isinstance(end, dict)
        or end.get("entries") != len(entries)
        or end.get("checksum") != _checksum(entries)
    ):
        message = "cache file is incomplete or altered"
        raise CacheCorruptError(message)
    shared: dict[str, str] = {}
    files: dict[str, StoredFile | CacheEntry] = {}
    for line in entries:
        stored = StoredFile(line, shared)
        files[stored.name] = stored
    return CacheContents(key=key, files=MappingProxyType(files))


def load_cache(root: Path, key: str) -> CacheContents | None:
    """Load the cache of a root if it was made with the same configuration.

    Entries are decoded on demand (``StoredFile``); a part that fails to decode
    then raises ``CacheCorruptError`` for the caller to fall back on.

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Returns:
        The cache, or None when missing, foreign, stale or corrupt.
    """
    try:
        return _read_cache(root, key)
    except (OSError, ValueError, CacheCorruptError):
        return None


def save_cache(root: Path, contents: CacheContents) -> None:
    """Write the cache atomically; failures to write are ignored (it is a cache).

    Entries still as loaded are written back as the lines they were read from.

    Args:
        root: The project root.
        contents: What to store.
    """
    folder = root / CACHE_DIR
    head = {"format": CACHE_FORMAT, "key": contents.key}
    temporary: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        _write_marker(folder / ".gitignore", "*\n")
        _write_marker(folder / "CACHEDIR.TAG", CACHEDIR_TAG)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=".tmp-", delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(json.dumps(head) + "\n")
            checksum = hashlib.sha256()
            # Written entry by entry: the whole document at once would hold every
            # finding twice more in memory.
            for name, entry in sorted(contents.files.items()):
                line = (
                    entry.line
                    if isinstance(entry, StoredFile)
                    else encode_entry(name, entry)
                )
                data = line + "\n"
                checksum.update(data.encode("utf-8", "surrogatepass"))
                stream.write(data)
            end = {"entries": len(contents.files), "checksum": checksum.hexdigest()}
            stream.write(json.dumps(end) + "\n")
        temporary.replace(_cache_file(root))
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _write_marker(path: Path, text: str) -> None:
    """Write a small marker file once.

    Args:
        path: The marker's path.
        text: Its content.
    """
    if not path.exists():
        path.write_text(text, encoding="utf-8")


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


def load_last_run(root: Path) -> tuple[dict[str, object], bytes] | None:
    """Load the last run's metadata and rendered output.

    Args:
        root: The project root.

    Returns:
        The metadata and output bytes, or None when missing or unreadable.
    """
    meta_file, output_file = _last_run_files(root)
    try:
        meta = json.loads(meta_file.read_bytes())
        output = output_file.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT:
        return None
    return meta, output


def save_last_run(root: Path, meta: dict[str, object], output: bytes) -> None:
    """Store the last run's metadata and output, atomically; failures are ignored.

    Args:
        root: The project root.
        meta: JSON-ready metadata (the inputs' fingerprints, exit code...).
        output: The rendered report.
    """
    meta_file, output_file = _last_run_files(root)
    folder = meta_file.parent
    try:
        folder.mkdir(exist_ok=True)
        _write_marker(folder / ".gitignore", "*\n")
        _write_marker(folder / "CACHEDIR.TAG", CACHEDIR_TAG)
        for target, data in (
            (output_file, output),
            (meta_file, json.dumps({**meta, "format": CACHE_FORMAT}).encode()),
        ):
            with tempfile.NamedTemporaryFile(
                dir=folder, prefix=".tmp-", delete=False
            ) as stream:
                stream.write(data)
                temporary = Path(stream.name)
            temporary.replace(target)
    except OSError:
        return
