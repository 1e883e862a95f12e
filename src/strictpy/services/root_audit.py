"""Auditing one project root: the cold path, with per-file results reused from cache.

Every Python file's bytes are hashed; a file whose bytes and configuration match
the cache reuses its findings, facts and Ruff diagnostics, the rest go through
the file pass (in worker processes when many) and Ruff. Project rules always run
on the facts of every file of the root, so they also run when only some files
were named (pre-commit passes changed files); file findings are reported only
for the files asked for.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
import logging
import os
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy import __version__
from strictpy.adapters.baseline_file import read_baseline
from strictpy.adapters.cache_codec import CacheCorruptError
from strictpy.adapters.cache_store import (
    CacheContents,
    StoredFile,
    discard_cache,
    load_cache,
    save_cache,
)
from strictpy.adapters.file_discovery import discover_python_files, relative_posix
from strictpy.adapters.git_client import tracked_files
from strictpy.adapters.project_files import read_project_texts
from strictpy.config import load_settings
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.baseline import apply_baseline
from strictpy.domain.findings import sort_key
from strictpy.domain.project_package import detect_package
from strictpy.domain.rule_catalog import CODES, FILE_CODES, PROJECT_CODES
from strictpy.domain.selection import Selection
from strictpy.logging import configure_logging
from strictpy.services.declared_dependencies import declared_modules
from strictpy.services.file_plan import FilePlan
from strictpy.services.parallel_check import check_files
from strictpy.services.replay import (
    RootInputs,
    file_digest,
    inputs_fingerprint,
    stamped_digests,
)
from strictpy.services.ruff_pass import ruff_findings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from concurrent.futures import Future
    from types import ModuleType

    from strictpy.adapters.cache_store import CacheEntry
    from strictpy.config import Settings
    from strictpy.domain.facts import FileFacts
    from strictpy.domain.findings import Finding
    from strictpy.domain.results import FileResult
    from strictpy.services.audit import AuditRequest
    from strictpy.services.ruff_pass import RuffOutcome

__all__ = ["RootOutcome", "audit_root"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RootOutcome:
    """The findings of one root and what replay needs to know about it.

    Attributes:
        findings: The root's findings, sorted.
        files_checked: How many of the requested files were checked.
        excerpts: Source lines around findings, by path.
        notices: One-line warnings for the user.
        inputs: The root's patterns, baseline and inputs fingerprint.
        kept: Paths whose findings are exactly those of the last report's
            segment for them (``AuditRequest.keep``): left out of ``findings``
            and never decoded, the caller reuses the rendered segment.
        digests: Digest of each requested file whose findings are its own and
            Ruff's only (no project finding lands on it, no baseline applied):
            what a later run may keep its segment by.
    """

    findings: tuple[Finding, ...]
    files_checked: int
    excerpts: Mapping[str, tuple[tuple[int, str], ...]]
    notices: tuple[str, ...]
    inputs: RootInputs
    kept: tuple[str, ...] = ()
    digests: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def _project_name(texts: Mapping[str, str]) -> str | None:
    """Return ``[project].name`` from the project's ``pyproject.toml`` text.

    Args:
        texts: Project-level file texts.

    Returns:
        The name, or None.
    """
    try:
        document = tomllib.loads(texts.get("pyproject.toml", ""))
    except tomllib.TOMLDecodeError:
        return None
    name = document.get("project", {}).get("name")
    return name if isinstance(name, str) else None


def _selection(settings: Settings) -> Selection:
    """Build the validated rule selection of the settings.

    Args:
        settings: The effective settings.

    Returns:
        The selection.
    """
    return Selection.build(
        CODES,
        select=settings.select,
        extend_select=settings.extend_select,
        ignore=settings.ignore,
        per_file_ignores=settings.per_file_ignores,
    )


def _plan_key(plan: FilePlan, settings: Settings, texts: Mapping[str, str]) -> str:
    """Fingerprint everything that decides a file's results besides its bytes.

    Args:
        plan: The file pass's plan.
        settings: The effective settings (Ruff on or off).
        texts: Project-level file texts (Ruff's configuration comes from
            ``pyproject.toml``).

    Returns:
        A hex digest.
    """
    parts = [
        __version__,
        sys.version,
        repr(sorted(plan.selection.enabled)),
        repr(plan.selection.per_file_ignores),
        repr(plan.options),
        repr(plan.collect_facts),
        repr(settings.ruff),
        texts.get("pyproject.toml", "") if settings.ruff else "",
    ]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _plan(
    root: Path,
    settings: Settings,
    selection: Selection,
    texts: Mapping[str, str],
    existing: frozenset[str],
) -> FilePlan:
    """Build the file pass's plan for a root.

    Args:
        root: The project root.
        settings: The effective settings.
        selection: The rule selection.
        texts: Project-level file texts.
        existing: Every non-ignored relative path of the root.

    Returns:
        The plan.
    """
    package = detect_package(existing, _project_name(texts), settings.package)
    modules = (
        declared_modules(root, texts.get("pyproject.toml"), existing, package)
        if "SP809" in selection.enabled
        else None
    )
    return FilePlan(
        codes=tuple(code for code in FILE_CODES if code in selection.enabled),
        selection=selection,
        options=RuleOptions(
            package,
            settings.max_methods,
            settings.max_module_lines,
            declared_modules=modules,
        ),
        collect_facts=any(code in selection.enabled for code in PROJECT_CODES),
    )


def _project_findings(
    root: Path,
    plan: FilePlan,
    entries: Mapping[str, StoredFile | CacheEntry],
    texts: Mapping[str, str],
    existing: frozenset[str],
) -> list[Finding]:
    """Run the project rules (and the project files' parse check) for a root.

    Args:
        root: The project root.
        plan: The file pass's plan (its package and selection).
        entries: Every Python file's entry (only facts are decoded).
        texts: Project-level file texts.
        existing: Every non-ignored relative path.

    Returns:
        The project-level findings.
    """
    selection = plan.selection
    facts: dict[str, FileFacts] = {}
    for path, entry in entries.items():
        file_facts = entry.facts() if isinstance(entry, StoredFile) else entry[1].facts
        if file_facts is not None:
            facts[path] = file_facts
    # The context's parsers (containers, locks, pyproject: yaml and tomlkit)
    # come with the project pass, not before the files are handed out.
    project = importlib.import_module("strictpy.domain.project")
    context = project.ProjectContext(
        package=plan.options.package,
        python_files=tuple(sorted(entries)),
        facts=MappingProxyType(facts),
        texts=MappingProxyType(dict(texts)),
        existing=existing,
        tracked=tracked_files(root),
    )
    return _project_pass().project_findings(context, selection)


def _project_pass() -> ModuleType:
    """Import the project pass, and with it the project rules.

    Imported when first needed, not with this module: a run that hands its files
    to workers imports it while they check them.

    Returns:
        The ``project_rules_pass`` module.
    """
    return importlib.import_module("strictpy.services.project_rules_pass")


def _prepare_project_pass(entries: Mapping[str, StoredFile | CacheEntry]) -> None:
    """Do the project pass's work that does not wait for the files being checked.

    Imports the rules and the project's context, and decodes the facts of the
    files reused from the cache.

    Args:
        entries: The entries reused from the cache.
    """
    _project_pass()
    importlib.import_module("strictpy.domain.project")
    for entry in entries.values():
        if isinstance(entry, StoredFile):
            entry.facts()


def _reuse_cached(
    digests: Mapping[str, tuple[Path, str]], cache: CacheContents | None
) -> tuple[dict[str, StoredFile | CacheEntry], list[tuple[str, str]]]:
    """Reuse cached entries whose bytes match; list the files to check anew.

    Args:
        digests: Relative path to (absolute path, digest).
        cache: The cache made with the same plan, if any.

    Returns:
        The reused entries, and (absolute, relative) pairs of the other files.
    """
    entries: dict[str, StoredFile | CacheEntry] = {}
    misses: list[tuple[str, str]] = []
    for relative, (path, digest) in digests.items():
        cached = cache.files.get(relative) if cache is not None else None
        if isinstance(cached, StoredFile) and cached.digest == digest:
            entries[relative] = cached
        else:
            misses.append((str(path), relative))
    return entries, misses


def _check_with_ruff(
    misses: Sequence[tuple[str, str]],
    plan: FilePlan,
    request: AuditRequest,
    ruff_run: Callable[[list[Path]], RuffOutcome],
    meanwhile: Callable[[], object],
) -> tuple[list[FileResult], RuffOutcome]:
    """Run the file pass and Ruff on the files to check, at the same time.

    Ruff is a separate, multithreaded program: run in the background during the
    file pass and collected after it, it uses the cores the pass leaves idle
    instead of adding its own time after the pass. It starts once the main
    process's own work (``meanwhile``) is done: a few files handed to the
    preloaded worker are checked sooner without Ruff's processes and the main
    process's imports competing with it for the cores, and on a large run Ruff
    still ends long before the workers do.

    Args:
        misses: (absolute, relative) pairs of the files to check.
        plan: The file pass's plan.
        request: The user's request (jobs, progress).
        ruff_run: Runs Ruff on absolute paths.
        meanwhile: The main process's work while workers check the files.

    Returns:
        The file pass's results and Ruff's outcome.
    """
    jobs = request.jobs or os.cpu_count() or 1
    paths = [Path(absolute) for absolute, _ in misses]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ruff") as background:
        started: list[Future[RuffOutcome]] = []

        def meanwhile_then_ruff() -> None:
            """Do the main process's own work, then start Ruff."""
            meanwhile()
            started.append(background.submit(ruff_run, paths))

        results = check_files(misses, plan, jobs, request.progress, meanwhile_then_ruff)
        outcome = started[0].result() if started else ruff_run(paths)
    return results, outcome


def _segment_digests(
    digests: Mapping[str, tuple[Path, str]],
    wanted: set[str],
    project: Sequence[Finding],
) -> dict[str, str]:
    """Fingerprint what each requested file's report segment is made from.

    A segment shows the file's own findings (decided by its bytes, under one
    configuration) and any project findings that land on it: both go into the
    fingerprint, so a segment is reused only when neither changed.

    Args:
        digests: Relative path to (absolute path, digest of the bytes).
        wanted: The requested files.
        project: The project-level findings.

    Returns:
        Path to fingerprint.
    """
    landing: dict[str, list[Finding]] = {}
    for finding in project:
        landing.setdefault(finding.path, []).append(finding)
    fingerprints: dict[str, str] = {}
    for path in wanted & digests.keys():
        fingerprint = digests[path][1]
        on_file = landing.get(path)
        if on_file:
            signature = repr(
                sorted(
                    (sort_key(f), f.name, str(f.severity), f.fixable, f.source)
                    for f in on_file
                )
            )
            fingerprint += ":" + file_digest(signature.encode())
        fingerprints[path] = fingerprint
    return fingerprints


def _kept_paths(
    entries: Mapping[str, StoredFile | CacheEntry],
    keep: Mapping[str, str],
    segment_digests: Mapping[str, str],
) -> set[str]:
    """Choose the files whose last rendered segment is still exact.

    A file qualifies when its entry was reused from the cache untouched and its
    segment fingerprint (bytes and project findings) equals the one the last
    segment was rendered from.

    Args:
        entries: Every file's entry.
        keep: Path to the fingerprint each last segment was made from.
        segment_digests: Path to the fingerprint of this run's segment.

    Returns:
        The kept paths.
    """
    return {
        path
        for path, fingerprint in segment_digests.items()
        if keep.get(path) == fingerprint and isinstance(entries.get(path), StoredFile)
    }


def _file_findings(
    entries: dict[str, StoredFile | CacheEntry], paths: Iterable[str]
) -> tuple[list[Finding], dict[str, tuple[tuple[int, str], ...]]]:
    """Decode the findings and excerpts of files, their own and Ruff's.

    Args:
        entries: Every file's entry; decoded entries replace stored ones.
        paths: The files to report on.

    Returns:
        The findings, and the excerpts by path.
    """
    findings: list[Finding] = []
    excerpts: dict[str, tuple[tuple[int, str], ...]] = {}
    for path in paths:
        entry = entries[path]
        if isinstance(entry, StoredFile):
            entry = entry.entry()
        _, result, ruff = entry
        findings.extend((*result.findings, *ruff))
        if result.excerpt:
            excerpts[path] = result.excerpt
    return findings, excerpts


def audit_root(
    root: Path, requested: Sequence[Path], request: AuditRequest
) -> RootOutcome:
    """Audit the requested paths of one project root.

    A cache that passed its checksum yet fails to decode (made by hand, or a
    body cut short) is not trusted: it is discarded and the root audited again,
    writing a new one (without writing, if it cannot even be discarded).

    Args:
        root: The project root.
        requested: The requested paths under it (absolute).
        request: The user's request.

    Returns:
        The root's findings and replay inputs.
    """
    try:
        return _audit_root(root, requested, request)
    except CacheCorruptError:
        logger.warning("root %s: the cache did not decode; checking anew", root.name)
        again = (
            request
            if discard_cache(root)
            else dataclasses.replace(request, no_cache=True)
        )
        return _audit_root(root, requested, again)


def _audit_root(
    root: Path, requested: Sequence[Path], request: AuditRequest
) -> RootOutcome:
    """Audit the requested paths of one project root (see ``audit_root``).

    Args:
        root: The project root.
        requested: The requested paths under it (absolute).
        request: The user's request.

    Returns:
        The root's findings and replay inputs.
    """
    settings = load_settings(root / "pyproject.toml", request.overrides)
    configure_logging(settings)
    selection = _selection(settings)
    patterns = (*settings.exclude, *settings.extend_exclude)
    scan = request.scans.get(str(root))
    if scan is not None and (scan.requested, scan.patterns) == (
        tuple(requested),
        patterns,
    ):
        # The replay check looked at the same files a moment ago.
        everything, all_digests, stamps = scan.discovery, scan.digests, scan.stamps
    else:
        everything = discover_python_files(root, [root, *requested], list(patterns))
        previous = request.stamps.get(str(root))
        all_digests, stamps = stamped_digests(everything.files, root, previous)
    wanted = (
        everything
        if set(requested) == {root}
        else discover_python_files(root, list(requested), list(patterns))
    )
    texts = read_project_texts(root)
    plan = _plan(root, settings, selection, texts, everything.existing)
    wanted_paths = {relative_posix(path, root) for path in wanted.files}
    # Requested paths are walked as part of everything; hashing anything missed
    # keeps every wanted file checked even if that ever stopped being so.
    missed = [
        path for path in wanted.files if relative_posix(path, root) not in all_digests
    ]
    extra = stamped_digests(missed, root, None)[0] if missed else {}
    digests = (
        {**all_digests, **extra}
        if plan.collect_facts
        else {path: all_digests.get(path) or extra[path] for path in wanted_paths}
    )
    plan_key = _plan_key(plan, settings, texts)
    cache = None if request.no_cache else load_cache(root, plan_key)
    entries, misses = _reuse_cached(digests, cache)
    project_runs = plan.collect_facts or "SP000" in selection.enabled
    results, (ruff_found, notice) = _check_with_ruff(
        misses,
        plan,
        request,
        functools.partial(
            ruff_findings, root, settings=settings, selection=selection, texts=texts
        ),
        functools.partial(_prepare_project_pass, entries)
        if project_runs
        else (lambda: None),
    )
    logger.info("root %s: %d files checked", root.name, len(misses))
    fresh: dict[str, CacheEntry] = {
        result.path: (digests[result.path][1], result, ()) for result in results
    }
    ruff_by_path: dict[str, list[Finding]] = {}
    for finding in ruff_found:
        ruff_by_path.setdefault(finding.path, []).append(finding)
    for path, found in ruff_by_path.items():
        digest, result, _ = fresh[path]
        fresh[path] = (digest, result, tuple(found))
    entries.update(fresh)
    project: list[Finding] = []
    if project_runs:
        project = _project_findings(root, plan, entries, texts, everything.existing)
    reusable = request.keep.get(str(root))
    keep = reusable.digests if reusable and reusable.plan_key == plan_key else {}
    baseline_applies = bool(settings.baseline) and not request.ignore_baseline
    segment_digests = (
        {} if baseline_applies else _segment_digests(digests, wanted_paths, project)
    )
    kept = _kept_paths(entries, keep, segment_digests)
    findings, excerpts = _file_findings(entries, sorted(wanted_paths - kept))
    findings.extend(finding for finding in project if finding.path not in kept)
    if baseline_applies:
        findings = apply_baseline(
            sorted(findings, key=sort_key), read_baseline(root / settings.baseline)
        )
    if not request.no_cache and notice is None:
        save_cache(
            root,
            CacheContents(
                key=plan_key,
                files=MappingProxyType(entries),
                generation=cache.generation if cache is not None else None,
            ),
        )
    fingerprint = inputs_fingerprint(
        root,
        [(relative, digest) for relative, (_, digest) in all_digests.items()],
        texts,
        everything.existing,
        settings.baseline,
    )
    return RootOutcome(
        findings=tuple(sorted(findings, key=sort_key)),
        files_checked=len(wanted_paths),
        excerpts=MappingProxyType(excerpts),
        notices=(
            *(
                f"folder '{folder}' could not be read ({reason}); "
                "its files were not checked"
                for folder, reason in everything.unreadable
            ),
            *((notice,) if notice else ()),
        ),
        inputs=RootInputs(
            root, patterns, settings.baseline, fingerprint, plan_key, stamps
        ),
        kept=tuple(sorted(kept)),
        digests=MappingProxyType(segment_digests),
    )
