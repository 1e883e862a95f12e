"""The audit: discover, check every file in one pass each, run project rules, sort."""

from __future__ import annotations

import logging
import os
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.file_discovery import (
    discover_python_files,
    find_project_root,
    relative_posix,
)
from strictpy.adapters.git_client import tracked_files
from strictpy.adapters.project_files import read_bytes, read_project_texts
from strictpy.config import load_settings
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.findings import sort_key
from strictpy.domain.project import ProjectContext, detect_package
from strictpy.domain.registry import CODES, FILE_RULES, PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)
from strictpy.domain.selection import Selection
from strictpy.exceptions import NotFoundError
from strictpy.services.declared_dependencies import declared_modules
from strictpy.services.file_pass import FilePlan, FileResult, check_file, engine_finding
from strictpy.services.ruff_pass import ruff_findings

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from strictpy.config import Settings
    from strictpy.domain.facts import FileFacts
    from strictpy.domain.findings import Finding

__all__ = ["AuditReport", "AuditRequest", "run_audit"]

logger = logging.getLogger(__name__)

PARALLEL_MIN_FILES = 64
CHUNKS_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class AuditRequest:
    """What the user asked to check.

    Attributes:
        paths: The paths as typed (files or folders).
        overrides: Command-line settings (None values are ignored).
        jobs: Worker processes; None uses every core.
    """

    paths: tuple[str, ...]
    overrides: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({})
    )
    jobs: int | None = None


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of an audit.

    Attributes:
        findings: Every finding, sorted by path, line, column, code.
        files_checked: How many Python files were checked.
        excerpts: Source lines around findings, by path, for code frames.
        fixed: How many findings ``--fix`` repaired.
        notices: One-line warnings for the user (Ruff could not run...).
    """

    findings: tuple[Finding, ...]
    files_checked: int
    excerpts: MappingProxyType[str, tuple[tuple[int, str], ...]]
    fixed: int = 0
    notices: tuple[str, ...] = ()


def _check_chunk(chunk: list[tuple[str, str]], plan: FilePlan) -> list[FileResult]:
    """Check a chunk of files (runs in a worker process or in-process).

    Args:
        chunk: (absolute path, relative path) pairs.
        plan: What to run.

    Returns:
        One result per file.
    """
    results: list[FileResult] = []
    for absolute, relative in chunk:
        data = read_bytes(Path(absolute))
        if isinstance(data, str):
            finding = engine_finding("SP000", relative, None, {"reason": data})
            results.append(FileResult(relative, (finding,), None, ()))
        else:
            results.append(check_file(relative, data, plan))
    return results


def _check_files(
    files: Sequence[tuple[str, str]], plan: FilePlan, jobs: int
) -> list[FileResult]:
    """Check files, in worker processes when there are enough of them.

    Args:
        files: (absolute path, relative path) pairs.
        plan: What to run.
        jobs: How many worker processes may run.

    Returns:
        One result per file, in no particular order.
    """
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        return _check_chunk(list(files), plan)
    by_size = sorted(files, key=lambda pair: _size(pair[0]), reverse=True)
    count = jobs * CHUNKS_PER_WORKER
    chunks = [by_size[index::count] for index in range(count)]
    results: list[FileResult] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk_results in pool.map(_check_chunk, chunks, [plan] * len(chunks)):
            results.extend(chunk_results)
    return results


def _size(path: str) -> int:
    """Return a file's size for load balancing (0 when unknown).

    Args:
        path: The file.

    Returns:
        Its size in bytes.
    """
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


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


def _audit_root(
    root: Path, requested: list[Path], request: AuditRequest
) -> AuditReport:
    """Audit the requested paths of one project root.

    Args:
        root: The project root.
        requested: The requested paths under it (absolute).
        request: The user's request.

    Returns:
        The root's report.
    """
    settings = load_settings(root / "pyproject.toml", request.overrides)
    selection = _selection(settings)
    patterns = [*settings.exclude, *settings.extend_exclude]
    discovery = discover_python_files(root, requested, patterns)
    texts = read_project_texts(root)
    package = detect_package(discovery.existing, _project_name(texts), settings.package)
    project_rules = [rule for rule in PROJECT_RULES if rule.CODE in selection.enabled]
    run_project = discovery.whole_project and bool(project_rules)
    check_inputs = discovery.whole_project and "SP000" in selection.enabled
    plan = FilePlan(
        rules=tuple(rule for rule in FILE_RULES if rule.CODE in selection.enabled),
        selection=selection,
        options=RuleOptions(
            package,
            settings.max_methods,
            settings.max_module_lines,
            declared_modules=(
                declared_modules(
                    root, texts.get("pyproject.toml"), discovery.existing, package
                )
                if "SP809" in selection.enabled
                else None
            ),
        ),
        collect_facts=run_project,
    )
    files = [(str(path), relative_posix(path, root)) for path in discovery.files]
    jobs = request.jobs or os.cpu_count() or 1
    results = _check_files(files, plan, jobs)
    findings = [finding for result in results for finding in result.findings]
    excerpts = {result.path: result.excerpt for result in results if result.excerpt}
    ruff_found, notice = ruff_findings(
        root, discovery.files, settings, selection, texts
    )
    findings.extend(ruff_found)
    if run_project or check_inputs:
        facts: dict[str, FileFacts] = {
            result.path: result.facts for result in results if result.facts is not None
        }
        context = ProjectContext(
            package=package,
            python_files=tuple(relative for _, relative in files),
            facts=MappingProxyType(facts),
            texts=MappingProxyType(texts),
            existing=discovery.existing,
            tracked=tracked_files(root),
        )
        if check_inputs:
            findings.extend(
                finding
                for finding in container_parse_errors(context)
                if finding.code in selection.enabled_for(finding.path)
            )
        for rule in project_rules:
            findings.extend(
                finding
                for finding in rule().check(context)
                if finding.code in selection.enabled_for(finding.path)
            )
    logger.info("checked %d files under one root", len(files))
    return AuditReport(
        tuple(sorted(findings, key=sort_key)),
        len(files),
        MappingProxyType(excerpts),
        notices=(notice,) if notice else (),
    )


def run_audit(request: AuditRequest, cwd: Path) -> AuditReport:
    """Audit every requested path, grouped by project root.

    Args:
        request: The user's request.
        cwd: The folder relative paths are resolved from.

    Raises:
        NotFoundError: If a requested path does not exist.

    Returns:
        The combined report.
    """
    groups: dict[Path, list[Path]] = {}
    for raw in request.paths or (".",):
        path = (cwd / raw).absolute()
        if not path.exists() and not path.is_symlink():
            message = f"path not found: {raw}"
            raise NotFoundError(message)
        resolved = Path(os.path.normpath(path))
        groups.setdefault(find_project_root(resolved), []).append(resolved)
    reports = [
        _audit_root(root, paths, request) for root, paths in sorted(groups.items())
    ]
    findings = tuple(sorted((f for r in reports for f in r.findings), key=sort_key))
    excerpts = {
        path: lines for report in reports for path, lines in report.excerpts.items()
    }
    notices = tuple(
        dict.fromkeys(notice for report in reports for notice in report.notices)
    )
    return AuditReport(
        findings,
        sum(report.files_checked for report in reports),
        MappingProxyType(excerpts),
        notices=notices,
    )
