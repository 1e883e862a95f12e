"""The audit's entry point: group the requested paths by project root, audit each.

This module stays light (no libcst, no rule registry, no cache codec, no
``multiprocessing``) because the command line imports it on every run,
including warm runs that only replay a stored report;
the per-root work lives in :mod:`strictpy.services.root_audit`, imported when an
audit really runs.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.file_discovery import find_project_root
from strictpy.adapters.preloaded_worker import can_lead_pool
from strictpy.domain.findings import sort_key
from strictpy.exceptions import NotFoundError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from strictpy.domain.findings import Finding
    from strictpy.services.file_stamps import FileStamps
    from strictpy.services.replay import RootInputs, RootScan

__all__ = [
    "AuditReport",
    "AuditRequest",
    "ReusableSegments",
    "group_by_root",
    "run_audit",
]


@dataclass(frozen=True, slots=True)
class ReusableSegments:
    """What the last report of one root lets a new run reuse.

    Attributes:
        plan_key: The configuration fingerprint that report was made with.
        digests: Path to the digest of the bytes its rendered segment shows.
    """

    plan_key: str
    digests: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class AuditRequest:
    """What the user asked to check.

    Attributes:
        paths: The paths as typed (files or folders).
        overrides: Command-line settings (None values are ignored).
        jobs: Worker processes; None uses every core.
        no_cache: Neither read nor write the cache.
        ignore_baseline: Report every finding, even those the baseline accepts.
        progress: Called with (files done, total) while files are checked.
        keep: Per root, the last report's segments that may be reused: files
            still matching them are reported as kept instead of decoded.
        stamps: Per root, the last run's file stamps: files whose stamp still
            holds are not read again to be digested.
        scans: Per root, the files and digests the replay check just found:
            the audit reuses them instead of looking again.
    """

    paths: tuple[str, ...]
    overrides: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({})
    )
    jobs: int | None = None
    no_cache: bool = False
    ignore_baseline: bool = False
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)
    keep: Mapping[str, ReusableSegments] = field(
        default_factory=lambda: MappingProxyType({})
    )
    stamps: Mapping[str, FileStamps] = field(
        default_factory=lambda: MappingProxyType({})
    )
    scans: Mapping[str, RootScan] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of an audit.

    Attributes:
        findings: Every finding, sorted by path, line, column, code.
        files_checked: How many Python files were checked.
        excerpts: Source lines around findings, by path, for code frames.
        fixed: How many findings ``--fix`` repaired.
        notices: One-line warnings for the user (Ruff could not run...).
        inputs: Per root, what a later run needs to replay this report.
        kept: Files left out of ``findings`` whose last rendered segment is
            still exact (see ``AuditRequest.keep``).
        digests: Per file, the digest a later run may keep its segment by.
    """

    findings: tuple[Finding, ...]
    files_checked: int
    excerpts: MappingProxyType[str, tuple[tuple[int, str], ...]]
    fixed: int = 0
    notices: tuple[str, ...] = ()
    inputs: tuple[RootInputs, ...] = ()
    kept: tuple[str, ...] = ()
    digests: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def group_by_root(paths: tuple[str, ...], cwd: Path) -> dict[Path, list[Path]]:
    """Resolve the requested paths and group them by their project root.

    Args:
        paths: The paths as typed (none means the working folder).
        cwd: The folder relative paths are resolved from.

    Raises:
        NotFoundError: If a requested path does not exist.

    Returns:
        Project root to the absolute requested paths under it, roots sorted.
    """
    groups: dict[Path, list[Path]] = {}
    for raw in paths or (".",):
        path = (cwd / raw).absolute()
        if not path.exists() and not path.is_symlink():
            message = f"path not found: {raw}"
            raise NotFoundError(message)
        resolved = Path(os.path.normpath(path))
        groups.setdefault(find_project_root(resolved), []).append(resolved)
    return dict(sorted(groups.items()))


def _fork_server_wanted(
    request: AuditRequest, groups: Mapping[Path, list[Path]]
) -> bool:
    """Tell whether the file pass will probably start workers from a fork server.

    It will when more than one worker may run, a folder (or many files) was
    requested, some root has no cache to reuse results from, and the worker
    forked at launch cannot lead the pool (see ``preloaded_worker``).

    Args:
        request: The user's request.
        groups: Project root to the requested paths under it.

    Returns:
        True when starting the workers' server early is worth it.
    """
    jobs = request.jobs or os.cpu_count() or 1
    if jobs <= 1 or can_lead_pool(jobs):
        return False
    # Imported here: a run that replays never gets this far.
    workers = importlib.import_module("strictpy.adapters.worker_processes")
    requested = [path for paths in groups.values() for path in paths]
    if len(requested) < workers.PARALLEL_MIN_FILES and not any(
        path.is_dir() for path in requested
    ):
        return False
    cache_store = importlib.import_module("strictpy.adapters.cache_store")
    return request.no_cache or not all(map(cache_store.has_cache, groups))


def run_audit(request: AuditRequest, cwd: Path) -> AuditReport:
    """Audit every requested path, grouped by project root.

    Args:
        request: The user's request.
        cwd: The folder relative paths are resolved from.

    Returns:
        The combined report.
    """
    groups = group_by_root(request.paths, cwd)
    if _fork_server_wanted(request, groups):
        importlib.import_module(
            "strictpy.adapters.worker_processes"
        ).start_worker_server()
    root_audit = importlib.import_module("strictpy.services.root_audit")
    outcomes = [
        root_audit.audit_root(root, paths, request) for root, paths in groups.items()
    ]
    # Each root's findings are sorted already; one root needs no second sort.
    findings = (
        outcomes[0].findings
        if len(outcomes) == 1
        else tuple(sorted((f for o in outcomes for f in o.findings), key=sort_key))
    )
    excerpts = {path: lines for o in outcomes for path, lines in o.excerpts.items()}
    notices = tuple(dict.fromkeys(n for o in outcomes for n in o.notices))
    return AuditReport(
        findings,
        sum(outcome.files_checked for outcome in outcomes),
        MappingProxyType(excerpts),
        notices=notices,
        inputs=tuple(outcome.inputs for outcome in outcomes),
        kept=tuple(path for outcome in outcomes for path in outcome.kept),
        digests=MappingProxyType(
            {path: d for outcome in outcomes for path, d in outcome.digests.items()}
        ),
    )
