"""The on-disk cache: per-file results and the last run's project findings.

The cache is JSON, never pickle (see ``cache_codec``): loading it must never
run code, and anything unexpected makes the whole cache count as absent (never
trusted, never fatal). Writes that replace a file go to a temporary file renamed
into place, so concurrent runs see either the old or the new file.

A root's results are two files. The *index* holds a header line (format,
configuration key, the bodies file's generation), one line per source file
(name, digest, facts, where its body lies) and an end line with the entry count
and a checksum of the entries, so an index cut short or altered is recognised.
The *bodies* file holds what only re-rendered files need (excerpts, findings),
four fifths of the volume: after a one-file edit a run reads the index alone and
appends one body instead of reading and writing every file's findings.

Bodies are appended with ``O_APPEND`` in one write, so concurrent runs never
interleave within a body; each body is recognised by its length and CRC-32. The
bodies file starts with a random generation, and an index is used only with the
bodies file of its own generation: when superseded bodies outweigh the live
ones, a run writes a fresh bodies file (a new generation) holding only those,
and any index still naming the old one counts as no cache. This module imports
neither libcst nor pydantic: a warm run stays light.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.cache_codec import (
    BodyRef,
    CacheCorruptError,
    CacheEntry,
    StoredFile,
    encode_entry,
    index_line,
)
from strictpy.adapters.cache_folder import (
    CACHE_DIR,
    CACHE_FORMAT,
    TEMPORARY_PREFIX,
    prepare_cache_folder,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import BinaryIO

logger = logging.getLogger(__name__)

__all__ = [
    "CACHE_DIR",
    "CACHE_FORMAT",
    "CacheContents",
    "CacheEntry",
    "StoredFile",
    "discard_cache",
    "has_cache",
    "load_cache",
    "save_cache",
]

INDEX_NAME = f"results-v{CACHE_FORMAT}.json"
BODIES_NAME = f"bodies-v{CACHE_FORMAT}.bin"
# Header line, end line, and the empty remainder after the final newline.
FRAME_LINES = 3
# The bodies file is rewritten when it exceeds twice its live bodies and this.
BODIES_SLACK_BYTES = 1 << 20
GENERATION_BYTES = 8
# Longer than any bodies header line.
BODIES_HEAD_LIMIT = 256
# The names of this module's files, whatever their format version.
OTHER_FORMAT = re.compile(
    r"(?:results|bodies|last-run|last-output)-v(\d+)(?:\.json|\.bin)?"
)
# A temporary file this old belongs to no running run (writes take seconds).
STALE_TEMPORARY_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class CacheContents:
    """What a cache holds for one configuration.

    Attributes:
        key: The configuration fingerprint the entries were made with.
        files: Path to its entry: as stored (decoded on demand) when loaded, or
            (content hash, result, Ruff findings) when made by this run.
        generation: The bodies file the stored entries' bodies lie in, when
            loaded from a cache.
    """

    key: str
    files: Mapping[str, StoredFile | CacheEntry]
    generation: str | None = None


def _cache_file(root: Path, name: str = INDEX_NAME) -> Path:
    """Return one of a project root's cache files.

    Args:
        root: The project root.
        name: The file's name (the index unless told).

    Returns:
        Its path.
    """
    return root / CACHE_DIR / name


def _bodies_head(generation: str) -> bytes:
    """Return the first line of a bodies file of a generation.

    Args:
        generation: The generation.

    Returns:
        The line, with its newline.
    """
    head = json.dumps({"format": CACHE_FORMAT, "generation": generation})
    return (head + "\n").encode()


def has_cache(root: Path) -> bool:
    """Tell whether a project root has a cache file (valid or not).

    Args:
        root: The project root.

    Returns:
        True when the cache file exists.
    """
    return _cache_file(root).is_file()


def discard_cache(root: Path) -> bool:
    """Remove a root's cache index, so no run uses the cache it describes.

    Args:
        root: The project root.

    Returns:
        True when no index remains.
    """
    try:
        _cache_file(root).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _checksum(lines: Iterable[str]) -> str:
    """Return the checksum of the index lines, as the end line records it.

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


class _Bodies:
    """Reads bodies from the bodies file of one generation."""

    __slots__ = ("_head", "_path")

    def __init__(self, path: Path, generation: str) -> None:
        """Remember the file and the generation its bodies must come from.

        Args:
            path: The bodies file.
            generation: The generation the index names.
        """
        self._path = path
        self._head = _bodies_head(generation)

    def current(self) -> bool:
        """Tell whether the bodies file on disk is of the expected generation.

        Returns:
            True when its first line names the generation.
        """
        try:
            with self._path.open("rb") as stream:
                return self._is_ours(stream)
        except OSError:
            return False

    def _is_ours(self, stream: BinaryIO) -> bool:
        """Read a bodies file's first line and compare it with the generation's.

        Args:
            stream: The file, at its start.

        Returns:
            True when the file is of the expected generation.
        """
        return stream.readline(BODIES_HEAD_LIMIT) == self._head

    def read(self, ref: BodyRef) -> str:
        """Read one body, checking where it lies, its length and its CRC-32.

        Args:
            ref: The body's reference.

        Raises:
            CacheCorruptError: If the file was replaced, cut short or altered.

        Returns:
            The body line, without its newline.
        """
        try:
            with self._path.open("rb") as stream:
                if not self._is_ours(stream):
                    message = "the bodies file was replaced"
                    raise CacheCorruptError(message)
                stream.seek(ref.offset)
                data = stream.read(ref.length)
        except OSError as error:
            raise CacheCorruptError(str(error)) from None
        if len(data) != ref.length or zlib.crc32(data) != ref.check:
            message = "a cached body is incomplete or altered"
            raise CacheCorruptError(message)
        return data.decode("utf-8", "surrogatepass")


def _read_cache(root: Path, key: str) -> CacheContents | None:
    """Read a cache's index, decoding only each entry's name and digest.

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Raises:
        CacheCorruptError: If the index is incomplete or altered.

    Returns:
        The cache, or None when it was made with another configuration or its
        bodies file is of another generation.
    """
    lines = _cache_file(root).read_text(encoding="utf-8").split("\n")
    head = json.loads(lines[0])
    if not isinstance(head, dict) or head.get("format") != CACHE_FORMAT:
        return None
    generation = head.get("bodies")
    if head.get("key") != key or not isinstance(generation, str):
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
    bodies = _Bodies(_cache_file(root, BODIES_NAME), generation)
    if not bodies.current():
        return None
    shared: dict[str, str] = {}
    files: dict[str, StoredFile | CacheEntry] = {}
    for line in entries:
        stored = StoredFile(line, shared, bodies.read)
        files[stored.name] = stored
    return CacheContents(key=key, files=MappingProxyType(files), generation=generation)


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


def _append_bodies(
    path: Path, generation: str | None, bodies: Sequence[bytes], live: int
) -> list[BodyRef] | None:
    """Append bodies to the bodies file of a generation, in one write.

    Args:
        path: The bodies file.
        generation: The generation the stored entries' bodies lie in.
        bodies: The new bodies, encoded.
        live: The bytes of every body the index will name.

    Raises:
        OSError: If the write failed or was cut short.

    Returns:
        Their references, or None when the file must be written anew (no
        generation, another generation on disk, or mostly superseded bodies).
    """
    if generation is None:
        return None
    head = _bodies_head(generation)
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_APPEND | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    try:
        if os.read(descriptor, len(head)) != head:
            return None
        if os.fstat(descriptor).st_size > 2 * live + BODIES_SLACK_BYTES:
            return None
        data = b"".join(body + b"\n" for body in bodies)
        if data and os.write(descriptor, data) != len(data):
            message = "the bodies were written in part"
            raise OSError(message)
        # With O_APPEND the write lands at the end, wherever other runs left
        # it; the descriptor's offset is now just past this run's bodies.
        offset = os.lseek(descriptor, 0, os.SEEK_CUR) - len(data)
    finally:
        os.close(descriptor)
    refs = []
    for body in bodies:
        refs.append(BodyRef(offset, len(body), zlib.crc32(body)))
        offset += len(body) + 1
    return refs


def _rewrite_bodies(path: Path, bodies: Sequence[bytes]) -> tuple[str, list[BodyRef]]:
    """Write a bodies file of a new generation holding only the given bodies.

    Args:
        path: The bodies file to replace (through a temporary file beside it).
        bodies: Every body the index will name, encoded.

    Returns:
        The new generation and the bodies' references.
    """
    generation = secrets.token_hex(GENERATION_BYTES)
    head = _bodies_head(generation)
    refs = []
    offset = len(head)
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(head)
            for body in bodies:
                stream.write(body + b"\n")
                refs.append(BodyRef(offset, len(body), zlib.crc32(body)))
                offset += len(body) + 1
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return generation, refs


def _index_lines(root: Path, contents: CacheContents) -> tuple[str, list[str]]:
    """Store the bodies of a cache's entries and return its index lines.

    Stored entries keep their index lines when new bodies can be appended to
    their bodies file; otherwise every body (stored ones read back from the
    old file) goes to a new one. A stored body that can no longer be read
    (another run replaced the file since) drops its entry: it is checked
    again next time.

    Args:
        root: The project root.
        contents: What to store.

    Returns:
        The bodies file's generation and the index lines, sorted by path.
    """
    path = _cache_file(root, BODIES_NAME)
    items = sorted(contents.files.items())
    stored = {name: entry for name, entry in items if isinstance(entry, StoredFile)}
    fresh = {
        name: encode_entry(name, entry)
        for name, entry in items
        if not isinstance(entry, StoredFile)
    }
    fresh_bodies = [body.encode("utf-8", "surrogatepass") for _, body in fresh.values()]
    live = sum(entry.ref.length + 1 for entry in stored.values()) + sum(
        len(body) + 1 for body in fresh_bodies
    )
    appended = _append_bodies(path, contents.generation, fresh_bodies, live)
    if appended is not None and contents.generation is not None:
        # Appended to the stored entries' own file: their lines stay valid.
        refs = dict(zip(fresh, appended, strict=True))
        lines = [
            entry.line
            if isinstance(entry, StoredFile)
            else index_line(fresh[name][0], refs[name])
            for name, entry in items
        ]
        return contents.generation, lines
    heads: dict[str, str] = {}
    bodies: list[bytes] = []
    for name, entry in items:
        if isinstance(entry, StoredFile):
            try:
                body = entry.body().encode("utf-8", "surrogatepass")
            except CacheCorruptError as error:
                logger.debug("cache entry of %s dropped: %s", name, error)
                continue
            heads[name] = entry.head
        else:
            heads[name], text = fresh[name]
            body = text.encode("utf-8", "surrogatepass")
        bodies.append(body)
    generation, refs_in_order = _rewrite_bodies(path, bodies)
    lines = [
        index_line(head, ref)
        for head, ref in zip(heads.values(), refs_in_order, strict=True)
    ]
    return generation, lines


def save_cache(root: Path, contents: CacheContents) -> None:
    """Write the cache; failures to write are ignored (it is a cache).

    Bodies are stored first, then the index is replaced atomically: an index
    never names a body that was not written.

    Args:
        root: The project root.
        contents: What to store.
    """
    folder = root / CACHE_DIR
    temporary: Path | None = None
    try:
        prepare_cache_folder(folder)
        _remove_leftovers(folder)
        generation, lines = _index_lines(root, contents)
        head = {"format": CACHE_FORMAT, "key": contents.key, "bodies": generation}
        end = {"entries": len(lines), "checksum": _checksum(lines)}
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=TEMPORARY_PREFIX, delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(json.dumps(head) + "\n")
            stream.writelines(line + "\n" for line in lines)
            stream.write(json.dumps(end) + "\n")
        temporary.replace(_cache_file(root))
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _remove_leftovers(folder: Path) -> None:
    """Delete cache files that are never read again.

    They are other format versions' files, and temporary files a run stopped by
    force left behind: one is removed only once it is old enough that no run
    still writing could own it.

    Args:
        folder: The cache folder.
    """
    stale = time.time() - STALE_TEMPORARY_SECONDS
    for path in folder.iterdir():
        found = OTHER_FORMAT.fullmatch(path.name)
        with contextlib.suppress(OSError):
            other_format = found is not None and int(found.group(1)) != CACHE_FORMAT
            abandoned = (
                path.name.startswith(TEMPORARY_PREFIX) and path.stat().st_mtime < stale
            )
            if other_format or abandoned:
                path.unlink()
