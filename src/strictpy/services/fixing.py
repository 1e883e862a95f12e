"""``strictpy check --fix``: audit, fix what is safely fixable, write, audit again.

The audit runs as usual (one read-only pass per file); only files with fixable
findings are then read again, never a file with SP000. Every edit is planned
first (:mod:`strictpy.services.fix_plan`); with ``--diff`` the plan is shown as
a unified diff and nothing is written. Otherwise each file is written
atomically through the safe writer (inside the project root only, never
through a symbolic link, permissions kept), and a second audit gives the
remaining findings; ``fixed`` is the drop in fixable findings. No code of the
audited project is imported or run: fixes parse with libcst, compile without
executing, and format with Ruff on stdin.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.file_discovery import find_project_root
from strictpy.adapters.safe_writer import SafeWriter
from strictpy.config import load_settings
from strictpy.domain.findings import sort_key
from strictpy.domain.project_package import detect_package
from strictpy.domain.registry import CODES
from strictpy.domain.selection import Selection
from strictpy.exceptions import AppError, NotFoundError
from strictpy.services.audit import AuditReport, run_audit
from strictpy.services.fix_plan import FIX_CODES, FORMAT_CODE, plan_fixes
from strictpy.services.project_pass import project_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from strictpy.services.audit import AuditRequest
    from strictpy.services.fix_plan import FileChange

__all__ = ["FixOutcome", "RootChange", "fix_project", "unified_diff"]

PYPROJECT = "pyproject.toml"


@dataclass(frozen=True, slots=True)
class RootChange:
    """A planned file change and the project root it belongs to.

    Attributes:
        root: The project root.
        label: The path shown to the user (relative to the working folder
            when possible).
        change: The change.
    """

    root: Path
    label: str
    change: FileChange


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What ``--fix`` did, or would do with ``--diff``.

    Attributes:
        report: The audit after fixing (before, for ``--diff``), with
            ``fixed`` set and notices for files left alone.
        changes: The changes planned (and written, unless ``--diff``).
        diff: The unified diff of the changes.
        written: Whether the changes were written.
    """

    report: AuditReport
    changes: tuple[RootChange, ...]
    diff: str
    written: bool


def _roots(request: AuditRequest, cwd: Path) -> dict[Path, list[Path]]:
    """Group the requested paths by project root, as the audit does.

    Args:
        request: The user's request.
        cwd: The folder relative paths are resolved from.

    Raises:
        NotFoundError: If a requested path does not exist.

    Returns:
        Root to the requested paths under it (absolute), in root order.
    """
    groups: dict[Path, list[Path]] = {}
    for raw in request.paths or (".",):
        path = (cwd / raw).absolute()
        if not path.exists() and not path.is_symlink():
            message = f"path not found: {raw}"
            raise NotFoundError(message)
        resolved = Path(os.path.normpath(path))
        groups.setdefault(find_project_root(resolved), []).append(resolved)
    return dict(sorted(groups.items()))


def _package(root: Path, configured: str | None) -> str | None:
    """Detect the import package of a root, as the audit does.

    Args:
        root: The project root.
        configured: ``[tool.strictpy] package``, if set.

    Returns:
        The package, or None.
    """
    source = root / "src"
    existing = frozenset(
        f"src/{folder.name}/__init__.py"
        for folder in (source.iterdir() if source.is_dir() else ())
        if (folder / "__init__.py").is_file()
    )
    pyproject = root / PYPROJECT
    text = (
        pyproject.read_text("utf-8", errors="replace") if pyproject.is_file() else None
    )
    return detect_package(existing, project_name(text), configured)


def _formatting(
    root: Path, request: AuditRequest
) -> tuple[Callable[[str], bool], str | None]:
    """Return whether Ruff formatting (SP813's fix) applies to a path, and the package.

    Args:
        root: The project root.
        request: The user's request (its overrides).

    Returns:
        (predicate on project-relative paths, the configured package).
    """
    settings = load_settings(root / PYPROJECT, request.overrides)
    selection = Selection.build(
        CODES,
        select=settings.select,
        extend_select=settings.extend_select,
        ignore=settings.ignore,
        per_file_ignores=settings.per_file_ignores,
    )

    def enabled(path: str) -> bool:
        """Tell whether SP813 applies to a file.

        Args:
            path: Project-relative path.

        Returns:
            True when Ruff is on and SP813 is selected for the file.
        """
        return settings.ruff and FORMAT_CODE in selection.enabled_for(path)

    return enabled, settings.package


def _label(root: Path, path: str, cwd: Path) -> str:
    """Return how a changed file is named in the diff.

    Args:
        root: The project root.
        path: Root-relative path.
        cwd: The working folder.

    Returns:
        The path relative to the working folder, or the root-relative one.
    """
    try:
        return (root / path).relative_to(cwd).as_posix()
    except ValueError:
        return path


def unified_diff(changes: Iterable[RootChange]) -> str:
    """Render changes as one unified diff (``--- a/path`` / ``+++ b/path``).

    Args:
        changes: The planned changes.

    Returns:
        The diff text; empty without changes.
    """
    parts: list[str] = []
    for item in changes:
        change = item.change
        before = (change.before or b"").decode("utf-8", errors="replace")
        after = change.after.decode("utf-8", errors="replace")
        source = "/dev/null" if change.before is None else f"a/{item.label}"
        lines = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=source,
            tofile=f"b/{item.label}",
        )
        parts.extend(line if line.endswith("\n") else line + "\n" for line in lines)
    return "".join(parts)


def _fixable_count(findings: Iterable[object]) -> int:
    """Count the findings whose code ``--fix`` knows how to repair.

    Args:
        findings: Findings.

    Returns:
        How many have a fixable code.
    """
    return sum(1 for finding in findings if getattr(finding, "code", "") in FIX_CODES)


def _merged(reports: list[AuditReport], notices: list[str]) -> AuditReport:
    """Combine the per-root reports of the first audit.

    Args:
        reports: One report per root.
        notices: Notices of the fix step.

    Returns:
        One report.
    """
    findings = tuple(sorted((f for r in reports for f in r.findings), key=sort_key))
    excerpts = {path: lines for r in reports for path, lines in r.excerpts.items()}
    all_notices = tuple(
        dict.fromkeys([*(n for r in reports for n in r.notices), *notices])
    )
    return AuditReport(
        findings,
        sum(report.files_checked for report in reports),
        MappingProxyType(excerpts),
        notices=all_notices,
    )


def fix_project(request: AuditRequest, cwd: Path, *, diff_only: bool) -> FixOutcome:
    """Audit, fix the fixable findings, and audit again (or only show the diff).

    Args:
        request: The user's request.
        cwd: The folder relative paths are resolved from.
        diff_only: Plan and show the fixes as a diff; write nothing.

    Returns:
        The outcome: the report after fixing, or the report and the diff.
    """
    befores: list[AuditReport] = []
    planned: list[RootChange] = []
    notices: list[str] = []
    for root, paths in _roots(request, cwd).items():
        before = run_audit(
            dataclasses.replace(request, paths=tuple(map(str, paths))), cwd
        )
        befores.append(before)
        fixable = [finding for finding in before.findings if finding.code in FIX_CODES]
        if not fixable:
            continue
        enabled, configured = _formatting(root, request)
        writer = SafeWriter.for_root(root)
        plan = plan_fixes(writer, before.findings, _package(root, configured), enabled)
        notices.extend(plan.notices)
        planned.extend(
            RootChange(root, _label(root, change.path, cwd), change)
            for change in plan.changes
        )
    diff = unified_diff(planned)
    if diff_only:
        return FixOutcome(
            _merged(befores, notices), tuple(planned), diff, written=False
        )
    for item in planned:
        try:
            SafeWriter.for_root(item.root).write(
                item.change.path, item.change.after, create=item.change.before is None
            )
        except AppError as error:
            notices.append(f"{error}; '{item.label}' was not fixed")
    after = run_audit(request, cwd)
    fixed = max(
        0,
        sum(_fixable_count(report.findings) for report in befores)
        - _fixable_count(after.findings),
    )
    report = dataclasses.replace(
        after, fixed=fixed, notices=tuple(dict.fromkeys([*after.notices, *notices]))
    )
    return FixOutcome(report, tuple(planned), diff, written=True)
