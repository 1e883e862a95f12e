"""Replaying the last report when nothing it depends on has changed.

A warm run must cost a fraction of a cold one: it must not import libcst or the
rule registry. The last cold run stores its rendered output with two
fingerprints: the *run key* (strictpy's version, the command line, the
``STRICTPY_*`` environment and ``.env``) and, per project root, the *inputs
fingerprint* (every Python file's bytes, the project-level files, which paths
exist, what git tracks, the baseline, the installed environments). When both
match, the stored output is written again byte for byte with the stored exit
code; otherwise the caller runs the audit, which reuses per-file results.
"""

from __future__ import annotations

import hashlib
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy import __version__
from strictpy.adapters.file_discovery import discover_python_files, relative_posix
from strictpy.adapters.git_client import tracked_files
from strictpy.adapters.last_run_store import (
    load_last_run,
    release_stored,
    save_last_run,
)
from strictpy.adapters.project_files import read_bytes, read_project_texts
from strictpy.config import environment_fingerprint
from strictpy.services.file_stamps import FileStamps

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from strictpy.adapters.file_discovery import Discovery
    from strictpy.adapters.last_run_store import StoredBytes
    from strictpy.services.audit import AuditRequest
    from strictpy.services.file_stamps import Stamp

__all__ = [
    "LastReport",
    "RenderOptions",
    "Replay",
    "RootInputs",
    "RootScan",
    "file_digest",
    "inputs_fingerprint",
    "last_report",
    "remember_run",
    "replay_of",
    "run_key",
    "stamped_digests",
]

SITE_PACKAGES_GLOB = "lib/python*/site-packages"
DIGEST_CHARS = 32


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Everything about how a report is shown; part of the run key.

    Attributes:
        output_format: The format's name.
        statistics: Whether counts per code replace the findings.
        exit_zero: Whether findings still exit 0.
        quiet: Whether nothing is printed.
        output_file: The report file, or None for stdout.
        terminal: Whether the output is a terminal (colours, width).
        width: The console width used.
    """

    output_format: str
    statistics: bool = False
    exit_zero: bool = False
    quiet: bool = False
    output_file: str | None = None
    terminal: bool = False
    width: int = 80


@dataclass(frozen=True, slots=True)
class Replay:
    """A stored report that may be shown again.

    Attributes:
        output: The rendered report, exactly as written last time.
        exit_code: The exit code of that run.
        notices: Its warnings for stderr.
        segments: Where each file's segment lies in the output (JSON data), for
            the formats rendered by segments.
    """

    output: StoredBytes
    exit_code: int
    notices: tuple[str, ...]
    segments: dict[str, object] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class RootInputs:
    """What a cold run learned about one root that replay needs.

    Attributes:
        root: The project root.
        patterns: The exclusion patterns in force.
        baseline: The baseline file, if one is configured.
        fingerprint: The inputs fingerprint the run was made from.
        plan_key: The configuration fingerprint of the file results.
        stamps: The files' stamps and digests, for the next run to reuse.
    """

    root: Path
    patterns: tuple[str, ...]
    baseline: str | None
    fingerprint: str
    plan_key: str = ""
    stamps: FileStamps | None = None


def file_digest(data: bytes) -> str:
    """Return the digest the cache and the fingerprints use for file bytes.

    Args:
        data: The bytes.

    Returns:
        A hex digest.
    """
    # SHA-256 runs on the processor's hash instructions where they exist: twice
    # as fast as BLAKE2 here, and this hashes every file and every stored report.
    return hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]


def output_check(output: StoredBytes) -> str:
    """Return what recognises a stored report as the one its metadata describes.

    The report is only ever damaged (a write cut short, a disk error), never
    forged apart from its metadata, which sits beside it: a CRC-32 and the
    length recognise damage at a third of a cryptographic digest's cost, on
    every replay of a report that can hold 100,000 findings.

    Args:
        output: The report's bytes.

    Returns:
        The check, as text.
    """
    return f"{zlib.crc32(output):08x}:{len(output)}"


def stamped_digests(
    files: Sequence[Path], root: Path, previous: FileStamps | None
) -> tuple[dict[str, tuple[Path, str]], FileStamps]:
    """Digest every file, reusing the last run's digest where its stamp allows.

    The audit and the replay check digest files the same way, so their inputs
    fingerprints agree. Unreadable files digest to their reason.

    Args:
        files: Absolute paths.
        root: The project root.
        previous: The last run's stamps of this root, if any.

    Returns:
        Relative path to (absolute path, digest), and the stamps to keep.
    """
    taken = time.time_ns()
    digests: dict[str, tuple[Path, str]] = {}
    stamps: dict[str, Stamp] = {}
    for path in files:
        relative = relative_posix(path, root)
        try:
            status = path.stat()
        except OSError:
            status = None
        digest = (
            previous.digest_of(relative, status)
            if previous is not None and status is not None
            else None
        )
        if digest is None:
            data = read_bytes(path)
            if isinstance(data, str):
                digests[relative] = (path, f"unreadable:{data}")
                continue
            digest = file_digest(data)
        if status is not None:
            stamps[relative] = (
                status.st_size,
                status.st_mtime_ns,
                status.st_ino,
                digest,
            )
        digests[relative] = (path, digest)
    return digests, FileStamps(taken, MappingProxyType(stamps))


@dataclass(frozen=True, slots=True)
class RootScan:
    """A root's Python files as one look at the file system found them.

    The replay check and the audit both need every file of a root with its
    digest; a run that cannot replay hands the check's scan to the audit, so the
    project is walked and every file looked at once.

    Attributes:
        requested: The requested paths under the root.
        patterns: The exclusion patterns the files were discovered with.
        discovery: What discovery found under ``[root, *requested]``.
        digests: Relative path to (absolute path, digest), every file found.
        stamps: The stamps taken with the digests.
    """

    requested: tuple[Path, ...]
    patterns: tuple[str, ...]
    discovery: Discovery
    digests: Mapping[str, tuple[Path, str]]
    stamps: FileStamps


def _scan_root(
    root: Path,
    requested: Sequence[Path],
    patterns: Sequence[str],
    previous: FileStamps | None,
) -> RootScan:
    """Discover a root's files (the root and the requested paths) and digest them.

    Args:
        root: The project root.
        requested: The requested paths under the root (absolute).
        patterns: Exclusion patterns.
        previous: The last run's stamps of this root, if any.

    Returns:
        The scan.
    """
    discovery = discover_python_files(root, [root, *requested], list(patterns))
    digests, stamps = stamped_digests(discovery.files, root, previous)
    return RootScan(
        tuple(requested),
        tuple(patterns),
        discovery,
        MappingProxyType(digests),
        stamps,
    )


def run_key(request: AuditRequest, render: RenderOptions, cwd: Path) -> str:
    """Fingerprint strictpy itself, the command line and the environment.

    Args:
        request: The audit request.
        render: How the report is shown.
        cwd: The working folder.

    Returns:
        A hex digest.
    """
    parts = [
        __version__,
        sys.version,
        str(cwd),
        repr(request.paths),
        repr(sorted((key, repr(value)) for key, value in request.overrides.items())),
        repr(render),
        environment_fingerprint(cwd),
    ]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _environment_stamps(root: Path) -> list[str]:
    """Return modification stamps of the environments SP809 may read.

    Args:
        root: The project root.

    Returns:
        One stamp per site-packages folder (the project's venv and strictpy's).
    """
    folders = [
        *(root / ".venv").glob(SITE_PACKAGES_GLOB),
        *Path(sys.prefix).glob(SITE_PACKAGES_GLOB),
    ]
    stamps: list[str] = []
    for folder in folders:
        try:
            stamps.append(f"{folder}:{folder.stat().st_mtime_ns}")
        except OSError:
            stamps.append(f"{folder}:gone")
    return stamps


def inputs_fingerprint(
    root: Path,
    digests: Iterable[tuple[str, str]],
    texts: Mapping[str, str],
    existing: Iterable[str],
    baseline: str | None,
) -> str:
    """Fingerprint everything a root's findings are computed from.

    Args:
        root: The project root.
        digests: (relative path, digest) of every Python file of the root.
        texts: The project-level files' texts.
        existing: Every non-ignored relative path.
        baseline: The configured baseline file, if any.

    Returns:
        A hex digest.
    """
    digest = hashlib.blake2b(digest_size=16)
    for path, file_hash in sorted(digests):
        digest.update(f"f:{path}:{file_hash}\0".encode())
    for path, text in sorted(texts.items()):
        digest.update(f"t:{path}:{file_digest(text.encode())}\0".encode())
    for path in sorted(existing):
        digest.update(f"e:{path}\0".encode())
    tracked = tracked_files(root)
    for path in sorted(tracked) if tracked is not None else ("<no git>",):
        digest.update(f"g:{path}\0".encode())
    if baseline:
        data = read_bytes(root / baseline)
        digest.update(data if isinstance(data, bytes) else data.encode())
    for stamp in _environment_stamps(root):
        digest.update(f"s:{stamp}\0".encode())
    return digest.hexdigest()


def _current_fingerprint(
    root: Path,
    requested: Sequence[Path],
    info: Mapping[str, object],
    scans: dict[str, RootScan] | None,
) -> str:
    """Recompute a root's inputs fingerprint from the file system as it is now.

    Args:
        root: The project root.
        requested: The requested paths under the root.
        info: The stored run's metadata of the root (exclusion patterns,
            baseline file, file stamps).
        scans: Where to leave the scan for the audit, by root, if anywhere.

    Returns:
        The fingerprint.
    """
    stored_patterns = info.get("patterns")
    patterns = (
        [str(pattern) for pattern in stored_patterns]
        if isinstance(stored_patterns, list)
        else []
    )
    baseline = info.get("baseline")
    scan = _scan_root(
        root, requested, patterns, FileStamps.from_json(info.get("stamps"))
    )
    if scans is not None:
        scans[str(root)] = scan
    texts = read_project_texts(root)
    return inputs_fingerprint(
        root,
        [(relative, digest) for relative, (_, digest) in scan.digests.items()],
        texts,
        scan.discovery.existing,
        baseline if isinstance(baseline, str) else None,
    )


def _roots_unchanged(
    stored_roots: object,
    groups: Mapping[Path, Sequence[Path]],
    scans: dict[str, RootScan] | None,
) -> bool:
    """Tell whether every root's inputs are as the stored run saw them.

    Args:
        stored_roots: The stored per-root metadata.
        groups: The request's project roots with their requested paths.
        scans: Where to leave each root's scan for the audit, if anywhere.

    Returns:
        True when every fingerprint matches.
    """
    names = {str(root) for root in groups}
    if not isinstance(stored_roots, dict) or set(stored_roots) != names:
        return False
    for root, requested in groups.items():
        info = stored_roots[str(root)]
        if not isinstance(info, dict):
            return False
        current = _current_fingerprint(root, requested, info, scans)
        if current != info.get("fingerprint"):
            return False
    return True


@dataclass(frozen=True, slots=True)
class LastReport:
    """The last report of the same command line, whatever its inputs were.

    Attributes:
        output: The rendered report, exactly as written last time.
        exit_code: The exit code of that run.
        notices: Its warnings for stderr.
        roots: The stored per-root metadata.
        segments: The stored segment index of the output, if it has one.
    """

    output: StoredBytes
    exit_code: int
    notices: tuple[str, ...]
    roots: object
    segments: object

    def stamps(self) -> dict[str, FileStamps]:
        """Return the file stamps the report's run recorded, per root.

        Returns:
            Root (as text) to its stamps; roots without valid stamps left out.
        """
        if not isinstance(self.roots, dict):
            return {}
        found: dict[str, FileStamps] = {}
        for root, info in self.roots.items():
            stamps = (
                FileStamps.from_json(info.get("stamps"))
                if isinstance(info, dict)
                else None
            )
            if stamps is not None:
                found[str(root)] = stamps
        return found

    def release(self) -> None:
        """Let go of the stored output once the new report no longer reads it.

        Until then this process holds the stored file's lock, which would make
        its own ``remember_run`` replace the file instead of rewriting it.
        """
        release_stored(self.output)

    def single_root(self) -> tuple[str, str] | None:
        """Return the root and configuration fingerprint of a one-root report.

        Returns:
            (root, plan key), or None when the report covered several roots.
        """
        if not isinstance(self.roots, dict) or len(self.roots) != 1:
            return None
        ((root, info),) = self.roots.items()
        plan_key = info.get("plan_key") if isinstance(info, dict) else None
        return (str(root), plan_key) if isinstance(plan_key, str) else None


def last_report(
    request: AuditRequest,
    render: RenderOptions,
    cwd: Path,
    groups: Mapping[Path, Sequence[Path]],
) -> LastReport | None:
    """Load the last report made with the same command line and environment.

    Args:
        request: The audit request.
        render: How the report is shown.
        cwd: The working folder.
        groups: The request's project roots with their requested paths.

    Returns:
        The report, or None when there is none (or it is damaged).
    """
    stored = None if request.no_cache or not groups else load_last_run(min(groups))
    if stored is None:
        return None
    meta, output = stored
    exit_code = meta.get("exit_code")
    notices = meta.get("notices", [])
    if (
        meta.get("run_key") != run_key(request, render, cwd)
        or meta.get("output_check") != output_check(output)
        or not isinstance(exit_code, int)
        or not isinstance(notices, list)
    ):
        release_stored(output)
        return None
    return LastReport(
        output,
        exit_code,
        tuple(str(notice) for notice in notices),
        meta.get("roots"),
        meta.get("segments"),
    )


def replay_of(
    last: LastReport | None,
    groups: Mapping[Path, Sequence[Path]],
    scans: dict[str, RootScan] | None = None,
) -> Replay | None:
    """Return the last report for replay when nothing it depends on has changed.

    Args:
        last: The last report of the same command line, if any.
        groups: The request's project roots with their requested paths.
        scans: Filled, by root, with the scans the check made, for an audit
            that follows to reuse.

    Returns:
        The stored report, or None when the audit must run.
    """
    if last is None or not _roots_unchanged(last.roots, groups, scans):
        return None
    return Replay(last.output, last.exit_code, last.notices)


def remember_run(
    request: AuditRequest,
    render: RenderOptions,
    cwd: Path,
    roots: Sequence[RootInputs],
    replay: Replay,
) -> None:
    """Store a cold run's output for the next identical run.

    Args:
        request: The audit request.
        render: How the report was shown.
        cwd: The working folder.
        roots: What the run learned about each root.
        replay: The output, exit code, notices and segment index to store.
    """
    if request.no_cache or not roots:
        return
    meta: dict[str, object] = {
        "run_key": run_key(request, render, cwd),
        "output_check": output_check(replay.output),
        "exit_code": replay.exit_code,
        "notices": list(replay.notices),
        "roots": {
            str(info.root): {
                "patterns": list(info.patterns),
                "baseline": info.baseline,
                "fingerprint": info.fingerprint,
                "plan_key": info.plan_key,
                "stamps": info.stamps.to_json() if info.stamps else None,
            }
            for info in roots
        },
        "segments": replay.segments,
    }
    first = min(info.root for info in roots)
    save_last_run(first, meta, replay.output)
