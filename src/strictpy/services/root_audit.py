"""Auditing one project root: the cold path, with per-file results reused from cache.

Every Python file's bytes are hashed; a file whose bytes and configuration match
the cache reuses its findings, facts and Ruff diagnostics, the rest go through
the file pass (in worker processes when many) and Ruff. Project rules always run
on the facts of every file of the root, so they also run when only some files
were named (pre-commit passes changed files); file findings are reported only
for the files asked for.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy import __version__
from strictpy.adapters.baseline_file import read_baseline
from strictpy.adapters.cache_store import CacheContents, load_cache, save_cache
from strictpy.adapters.file_discovery import discover_python_files, relative_posix
from strictpy.adapters.git_client import tracked_files
from strictpy.adapters.project_files import read_bytes, read_project_texts
from strictpy.config import load_settings
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.baseline import apply_baseline
from strictpy.domain.findings import sort_key
from strictpy.domain.project import ProjectContext, detect_package
from strictpy.domain.registry import CODES, FILE_RULES, PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)
from strictpy.domain.selection import Selection
from strictpy.logging import configure_logging
from strictpy.services.declared_dependencies import declared_modules
from strictpy.services.file_pass import FilePlan
from strictpy.services.parallel_check import check_files
from strictpy.services.replay import RootInputs, file_digest, inputs_fingerprint
from strictpy.services.ruff_pass import ruff_findings

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

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
    """

    findings: tuple[Finding, ...]
    files_checked: int
    excerpts: Mapping[str, tuple[tuple[int, str], ...]]
    notices: tuple[str, ...]
    inputs: RootInputs


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


def _plan_key(plan: FilePlan, settings: Settings) -> str:
    """Fingerprint everything that decides a file's results besides its bytes.

    Args:
        plan: The file pass's plan.
        settings: The effective settings (Ruff on or off, its configuration).

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
        rules=tuple(rule for rule in FILE_RULES if rule.CODE in selection.enabled),
        selection=selection,
        options=RuleOptions(
            package,
            settings.max_methods,
            settings.max_module_lines,
            declared_modules=modules,
        ),
        collect_facts=any(rule.CODE in selection.enabled for rule in PROJECT_RULES),
    )


def _digest_files(files: Sequence[Path], root: Path) -> dict[str, tuple[Path, str]]:
    """Hash every file's bytes (unreadable files hash to their reason).

    Args:
        files: Absolute paths.
        root: The project root.

    Returns:
        Relative path to (absolute path, digest).
    """
    digests: dict[str, tuple[Path, str]] = {}
    for path in files:
        data = read_bytes(path)
        digest = file_digest(data) if isinstance(data, bytes) else f"unreadable:{data}"
        digests[relative_posix(path, root)] = (path, digest)
    return digests


def _project_findings(
    root: Path,
    plan: FilePlan,
    results: Sequence[FileResult],
    texts: Mapping[str, str],
    existing: frozenset[str],
) -> list[Finding]:
    """Run the project rules (and the project files' parse check) for a root.

    Args:
        root: The project root.
        plan: The file pass's plan (its package and selection).
        results: The results of every Python file of the root.
        texts: Project-level file texts.
        existing: Every non-ignored relative path.

    Returns:
        The project-level findings.
    """
    selection = plan.selection
    facts: dict[str, FileFacts] = {
        r.path: r.facts for r in results if r.facts is not None
    }
    context = ProjectContext(
        package=plan.options.package,
        python_files=tuple(sorted(result.path for result in results)),
        facts=MappingProxyType(facts),
        texts=MappingProxyType(dict(texts)),
        existing=existing,
        tracked=tracked_files(root),
    )
    found: list[Finding] = []
    if "SP000" in selection.enabled:
        found.extend(container_parse_errors(context))
    for rule in PROJECT_RULES:
        if rule.CODE in selection.enabled:
            found.extend(rule().check(context))
    return [
        finding
        for finding in found
        if finding.code in selection.enabled_for(finding.path)
    ]


def _reuse_cached(
    digests: Mapping[str, tuple[Path, str]], cache: CacheContents | None
) -> tuple[dict[str, CacheEntry], list[tuple[str, str]]]:
    """Reuse cached entries whose bytes match; list the files to check anew.

    Args:
        digests: Relative path to (absolute path, digest).
        cache: The cache made with the same plan, if any.

    Returns:
        The reused entries, and (absolute, relative) pairs of the other files.
    """
    entries: dict[str, CacheEntry] = {}
    misses: list[tuple[str, str]] = []
    for relative, (path, digest) in digests.items():
        cached = cache.files.get(relative) if cache is not None else None
        if cached is not None and cached[0] == digest:
            entries[relative] = cached
        else:
            misses.append((str(path), relative))
    return entries, misses


def _check_with_ruff(
    root: Path,
    misses: Sequence[tuple[str, str]],
    plan: FilePlan,
    request: AuditRequest,
    ruff_run: Callable[[list[Path]], RuffOutcome],
) -> tuple[list[FileResult], RuffOutcome]:
    """Run the file pass and Ruff on the files to check, at the same time.

    Ruff is a separate, multithreaded program: started before the file pass and
    collected after it, it uses the cores the pass leaves idle instead of adding
    its own time after the pass.

    Args:
        root: The project root.
        misses: (absolute, relative) pairs of the files to check.
        plan: The file pass's plan.
        request: The user's request (jobs, progress).
        ruff_run: Runs Ruff on absolute paths.

    Returns:
        The file pass's results and Ruff's outcome.
    """
    jobs = request.jobs or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ruff") as background:
        ruff_future = background.submit(
            ruff_run, [Path(absolute) for absolute, _ in misses]
        )
        results = check_files(misses, plan, jobs, request.progress)
        outcome = ruff_future.result()
    logger.info("root %s: %d files checked", root.name, len(misses))
    return results, outcome


def audit_root(
    root: Path, requested: Sequence[Path], request: AuditRequest
) -> RootOutcome:
    """Audit the requested paths of one project root.

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
    everything = discover_python_files(root, [root, *requested], list(patterns))
    wanted = discover_python_files(root, list(requested), list(patterns))
    texts = read_project_texts(root)
    plan = _plan(root, settings, selection, texts, everything.existing)
    wanted_paths = {relative_posix(path, root) for path in wanted.files}
    digests = _digest_files(
        everything.files if plan.collect_facts else wanted.files, root
    )
    plan_key = _plan_key(plan, settings)
    cache = None if request.no_cache else load_cache(root, plan_key)
    entries, misses = _reuse_cached(digests, cache)
    results, (ruff_found, notice) = _check_with_ruff(
        root,
        misses,
        plan,
        request,
        functools.partial(
            ruff_findings, root, settings=settings, selection=selection, texts=texts
        ),
    )
    for result in results:
        entries[result.path] = (digests[result.path][1], result, ())
    for finding in ruff_found:
        digest, result, earlier = entries[finding.path]
        entries[finding.path] = (digest, result, (*earlier, finding))
    findings: list[Finding] = []
    for relative in wanted_paths & entries.keys():
        _, result, ruff = entries[relative]
        findings.extend((*result.findings, *ruff))
    results = [result for _, result, _ in entries.values()]
    if plan.collect_facts or "SP000" in selection.enabled:
        findings.extend(
            _project_findings(root, plan, results, texts, everything.existing)
        )
    if settings.baseline and not request.ignore_baseline:
        findings = apply_baseline(
            sorted(findings, key=sort_key), read_baseline(root / settings.baseline)
        )
    if not request.no_cache and notice is None:
        save_cache(
            root,
            CacheContents(key=plan_key, files=MappingProxyType(entries)),
            reusable=cache,
        )
    all_digests = (
        _digest_files(everything.files, root) if not plan.collect_facts else digests
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
        excerpts=MappingProxyType(
            {r.path: r.excerpt for r in results if r.excerpt and r.path in wanted_paths}
        ),
        notices=(
            *(
                f"folder '{folder}' could not be read ({reason}); "
                "its files were not checked"
                for folder, reason in everything.unreadable
            ),
            *((notice,) if notice else ()),
        ),
        inputs=RootInputs(root, patterns, settings.baseline, fingerprint),
    )
