"""The Ruff pass: run Ruff on the audited files and turn its output into findings.

Runs only when the ``ruff`` setting is on (``--no-ruff`` / ``ruff = false`` turn
it off) and SP812 or SP813 is selected. Ruff diagnostics keep Ruff's code and
name, with ``source = "ruff"``, and count as SP812 for selection (including
``per-file-ignores``). If Ruff is missing or fails, the pass returns a notice
for the user; it raises only when the user asked for Ruff explicitly
(``ruff = true`` set anywhere, or SP812/SP813 named in ``select``).
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, cast

from strictpy.adapters.file_discovery import relative_posix
from strictpy.adapters.ruff_runner import SYNTAX_ERROR, run_ruff
from strictpy.domain.findings import Finding, Span
from strictpy.domain.pyproject_model import parse_pyproject
from strictpy.domain.ruff_settings import ruff_toml
from strictpy.exceptions import ExternalServiceError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from strictpy.adapters.ruff_runner import RuffDiagnostic, RuffRun
    from strictpy.config import Settings
    from strictpy.domain.rule import Rule
    from strictpy.domain.selection import Selection

__all__ = ["RuffOutcome", "ruff_findings", "ruff_requested_explicitly"]

RUFF_SOURCE = "ruff"
RUFF_CODE = re.compile(r"^[A-Z]+[0-9]+$")
RUFF_CHUNK = 200
# The rules Ruff's findings count as (their classes are imported only to make
# findings, with the project rules: see ``domain.project_registry``).
RUFF_VIOLATION = "SP812"
NOT_RUFF_FORMATTED = "SP813"
EXPLICIT_CODES = frozenset({RUFF_VIOLATION, NOT_RUFF_FORMATTED})

type RuffOutcome = tuple[list[Finding], str | None]


def ruff_requested_explicitly(settings: Settings) -> bool:
    """Tell whether the user asked for Ruff rather than getting it by default.

    Args:
        settings: The effective settings.

    Returns:
        True when ``ruff = true`` was set (file, environment or command line)
        or SP812/SP813 is named in ``select``/``extend-select``.
    """
    if "ruff" in settings.model_fields_set and settings.ruff:
        return True
    named = (*(settings.select or ()), *settings.extend_select)
    return any(code in EXPLICIT_CODES for code in named)


def _span(diagnostic: RuffDiagnostic) -> Span | None:
    """Return a diagnostic's span.

    Args:
        diagnostic: The diagnostic.

    Returns:
        The span, or None for a whole-file diagnostic.
    """
    if diagnostic.line is None:
        return None
    column = diagnostic.column or 1
    return Span(
        diagnostic.line,
        column,
        diagnostic.end_line or diagnostic.line,
        diagnostic.end_column or column,
    )


def _rule(code: str) -> type[Rule]:
    """Return the class of SP812 or SP813, importing the rules if not done yet.

    Args:
        code: The rule's code.

    Returns:
        The rule class.
    """
    registry = importlib.import_module("strictpy.domain.project_registry")
    return cast("type[Rule]", registry.BY_CODE[code])


def _check_finding(diagnostic: RuffDiagnostic, path: str, rule: type[Rule]) -> Finding:
    """Turn a ``ruff check`` diagnostic into a finding.

    Args:
        diagnostic: The diagnostic.
        path: Its project-relative path.
        rule: SP812's class.

    Returns:
        The finding, with Ruff's code and name.
    """
    return Finding(
        code=diagnostic.code,
        name=diagnostic.name or rule.NAME,
        message=diagnostic.message,
        path=path,
        span=_span(diagnostic),
        severity=rule.SEVERITY,
        source=RUFF_SOURCE,
        fingerprint=f"{diagnostic.code} {diagnostic.message}",
    )


def _format_finding(diagnostic: RuffDiagnostic, path: str, rule: type[Rule]) -> Finding:
    """Turn a ``ruff format --check`` entry into an SP813 finding.

    Args:
        diagnostic: The entry.
        path: Its project-relative path.
        rule: SP813's class.

    Returns:
        The finding, at the first line Ruff would change.
    """
    span = _span(diagnostic)
    if span is not None:
        span = Span(span.line, 1, span.line, 1)
    return Finding(
        code=rule.CODE,
        name=rule.NAME,
        message=rule.MESSAGE,
        path=path,
        span=span,
        severity=rule.SEVERITY,
        fixable=rule.fixable(),
        source=RUFF_SOURCE,
        fingerprint=rule.CODE,
    )


def ruff_findings(
    root: Path,
    files: Sequence[Path],
    settings: Settings,
    selection: Selection,
    texts: Mapping[str, str],
) -> RuffOutcome:
    """Run Ruff on the audited files of one root.

    Args:
        root: The project root.
        files: The Python files checked (absolute).
        settings: The effective settings.
        selection: The rule selection.
        texts: Project-level file texts (for ``pyproject.toml``).

    Raises:
        ExternalServiceError: If Ruff is missing or fails and the user asked
            for it explicitly.

    Returns:
        (findings, notice): the notice says why Ruff did not run, if it failed.
    """
    check = selection.is_selected(RUFF_VIOLATION)
    format_check = selection.is_selected(NOT_RUFF_FORMATTED)
    if not settings.ruff or not files or not (check or format_check):
        return [], None
    pyproject_text = texts.get("pyproject.toml")
    pyproject = parse_pyproject(pyproject_text) if pyproject_text is not None else None
    config = ruff_toml(pyproject)
    findings: list[Finding] = []
    # Ruff's JSON for a large tree is big: each chunk's diagnostics become
    # findings before the next chunk runs, so only one chunk's JSON is in memory.
    for start in range(0, len(files), RUFF_CHUNK):
        try:
            run = run_ruff(
                root,
                files[start : start + RUFF_CHUNK],
                config,
                check=check,
                format_check=format_check,
            )
        except ExternalServiceError as error:
            if ruff_requested_explicitly(settings):
                raise
            return [], f"{error}; Ruff's checks (SP812, SP813) were skipped"
        findings.extend(
            _run_findings(run, root, selection, check=check, format_check=format_check)
        )
    return findings, None


def _run_findings(
    run: RuffRun,
    root: Path,
    selection: Selection,
    *,
    check: bool,
    format_check: bool,
) -> list[Finding]:
    """Turn one Ruff run's diagnostics into selected findings.

    Args:
        run: What Ruff reported.
        root: The project root.
        selection: The rule selection.
        check: Whether ``ruff check`` diagnostics are wanted.
        format_check: Whether ``ruff format --check`` entries are wanted.

    Returns:
        The findings.
    """
    findings: list[Finding] = []
    violation, unformatted = _rule(RUFF_VIOLATION), _rule(NOT_RUFF_FORMATTED)
    # Diagnostics of one file share its ``Path`` object: each is made relative
    # once, not once per diagnostic (tens of thousands on a large tree).
    relative: dict[Path, str] = {}
    for diagnostic in run.diagnostics:
        path = relative.get(diagnostic.path)
        if path is None:
            path = relative[diagnostic.path] = relative_posix(diagnostic.path, root)
        if (
            RUFF_CODE.match(diagnostic.code)
            and check
            and (RUFF_VIOLATION in selection.enabled_for(path))
        ):
            findings.append(_check_finding(diagnostic, path, violation))
    for diagnostic in run.unformatted:
        if diagnostic.code == SYNTAX_ERROR:
            continue  # the file pass reports it as SP000
        path = relative_posix(diagnostic.path, root)
        if format_check and NOT_RUFF_FORMATTED in selection.enabled_for(path):
            findings.append(_format_finding(diagnostic, path, unformatted))
    return findings
