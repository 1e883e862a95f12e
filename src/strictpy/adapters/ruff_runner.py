"""Running the ``ruff`` executable: ``ruff check`` and ``ruff format --check`` as JSON.

Ruff is a dependency of strictpy, so its executable sits next to the running
interpreter (``<venv>/bin/ruff``); ``PATH`` is the fallback. It runs as a
subprocess with an argument list (no shell), a timeout, the configuration in a
temporary ``ruff.toml`` passed with ``--config`` (so the project's own Ruff
settings do not apply), ``--no-fix`` and JSON output. Ruff's JSON is validated
with pydantic at this trust boundary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NotRequired, TypedDict

from pydantic import TypeAdapter, ValidationError as PydanticValidationError

from strictpy.exceptions import ExternalServiceError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["SYNTAX_ERROR", "RuffDiagnostic", "RuffRun", "find_ruff", "run_ruff"]

RUFF_TIMEOUT_SECONDS = 300
# Ruff's exit codes: 0 clean, 1 diagnostics (or files to reformat), 2 failure.
RUFF_FAILED = 2
# Ruff's pseudo-code for a file that does not parse.
SYNTAX_ERROR = "invalid-syntax"
# Characters of paths per invocation: below every OS's command-line limit
# (Windows allows 32,767 characters in all). Each invocation starts Ruff anew,
# so a few hundred paths per call cost less processor time than a hundred (a
# quarter less on the standard library), while the JSON each call returns,
# held while it is validated, stays a few megabytes.
BATCH_CHARS = 24_000


class _Location(TypedDict):
    """A 1-based row and column in Ruff's JSON."""

    row: int
    column: int


class _Diagnostic(TypedDict):
    """One entry of Ruff's JSON output (only the fields strictpy reads).

    Validated into plain mappings, not models: a run can report tens of
    thousands of diagnostics, and building a model (and two locations) for each
    cost twice the validation itself.
    """

    code: NotRequired[str | None]
    name: NotRequired[str | None]
    message: str
    filename: str
    location: NotRequired[_Location | None]
    end_location: NotRequired[_Location | None]


_REPORT = TypeAdapter(list[_Diagnostic])


@dataclass(frozen=True, slots=True)
class RuffDiagnostic:
    """A diagnostic of Ruff, validated.

    Attributes:
        code: Ruff's code (``F401``), or its pseudo-code (``invalid-syntax``,
            ``unformatted``).
        name: Ruff's rule name (``unused-import``).
        message: Ruff's message.
        path: The file, absolute.
        line: 1-based first line, if given.
        column: 1-based first column, if given.
        end_line: 1-based last line, if given.
        end_column: 1-based end column, if given.
    """

    code: str
    name: str
    message: str
    path: Path
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None


@dataclass(frozen=True, slots=True)
class RuffRun:
    """What one run of Ruff found.

    Attributes:
        diagnostics: ``ruff check`` diagnostics.
        unformatted: ``ruff format --check`` entries: files to reformat.
    """

    diagnostics: tuple[RuffDiagnostic, ...] = ()
    unformatted: tuple[RuffDiagnostic, ...] = ()


def find_ruff() -> str | None:
    """Locate the ``ruff`` executable.

    Returns:
        The executable next to the running interpreter, else the one on
        ``PATH``, or None.
    """
    folder = Path(sys.executable).parent
    for name in ("ruff", "ruff.exe"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("ruff")


def _convert(entry: _Diagnostic, paths: dict[str, Path]) -> RuffDiagnostic:
    """Turn a validated JSON entry into a diagnostic.

    Args:
        entry: The entry.
        paths: The ``Path`` of each file name met so far, filled in.

    Returns:
        The diagnostic.
    """
    start, end = entry.get("location"), entry.get("end_location")
    filename = entry["filename"]
    path = paths.get(filename)
    if path is None:
        path = paths[filename] = Path(filename)
    return RuffDiagnostic(
        code=entry.get("code") or "",
        name=entry.get("name") or "",
        message=entry["message"],
        path=path,
        line=start["row"] if start else None,
        column=start["column"] if start else None,
        end_line=end["row"] if end else None,
        end_column=end["column"] if end else None,
    )


def _invoke(ruff: str, arguments: list[str], root: Path) -> list[RuffDiagnostic]:
    """Run Ruff once and parse its JSON output.

    Args:
        ruff: The executable.
        arguments: Arguments after the executable.
        root: The working folder (relative settings resolve against it).

    Raises:
        ExternalServiceError: If Ruff cannot run, times out, fails, or prints
            something other than the expected JSON.

    Returns:
        The diagnostics.
    """
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [ruff, *arguments],
            cwd=root,
            capture_output=True,
            timeout=RUFF_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        message = f"ruff did not finish within {RUFF_TIMEOUT_SECONDS} seconds"
        raise ExternalServiceError(message) from None
    except OSError as error:
        message = (
            f"ruff could not be started ({error.strerror or type(error).__name__})"
        )
        raise ExternalServiceError(message) from None
    detail = completed.stderr.decode("utf-8", errors="replace").strip()
    first = detail.splitlines()[0] if detail else f"exit code {completed.returncode}"
    failure = ExternalServiceError(f"ruff failed: {first}")
    failed = completed.returncode >= RUFF_FAILED
    # Validated from the bytes as they came: no decoded or stripped copies of
    # an output that runs to megabytes.
    output = completed.stdout
    if not output or output.isspace():
        output = b"[]"
    try:
        entries = _REPORT.validate_json(output)
    except PydanticValidationError:
        if failed:
            raise failure from None
        message = "ruff printed output strictpy cannot read"
        raise ExternalServiceError(message) from None
    # ``ruff format --check`` exits 2 when a file does not parse, yet still
    # reports every other file; that is a result, not a failure of Ruff.
    if failed and not any(entry.get("code") == SYNTAX_ERROR for entry in entries):
        raise failure
    # One ``Path`` per file, shared by its diagnostics.
    paths: dict[str, Path] = {}
    return [_convert(entry, paths) for entry in entries]


def path_batches(files: Sequence[Path]) -> list[list[str]]:
    """Split paths into command-line batches of at most ``BATCH_CHARS`` characters.

    Args:
        files: The paths, in order.

    Returns:
        Consecutive batches holding every path once; a path longer than the
        limit gets a batch of its own.
    """
    batches: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path in map(str, files):
        if current and size + len(path) + 1 > BATCH_CHARS:
            batches.append(current)
            current, size = [], 0
        current.append(path)
        size += len(path) + 1
    if current:
        batches.append(current)
    return batches


def run_ruff(
    root: Path,
    files: Sequence[Path],
    config_text: str,
    *,
    check: bool,
    format_check: bool,
) -> RuffRun:
    """Run ``ruff check`` and/or ``ruff format --check`` on files.

    Args:
        root: The project root (Ruff's working folder).
        files: The files to check.
        config_text: The ``ruff.toml`` text to run with.
        check: Whether to run ``ruff check``.
        format_check: Whether to run ``ruff format --check``.

    Raises:
        ExternalServiceError: If the executable is missing or a run fails.

    Returns:
        The diagnostics of both runs.
    """
    ruff = find_ruff()
    if ruff is None:
        message = "the ruff executable was not found"
        raise ExternalServiceError(message)
    diagnostics: list[RuffDiagnostic] = []
    unformatted: list[RuffDiagnostic] = []
    with tempfile.TemporaryDirectory(prefix="strictpy-ruff-") as folder:
        config = Path(folder) / "ruff.toml"
        config.write_text(config_text, encoding="utf-8")
        common = ["--config", str(config), "--no-cache", "--force-exclude"]
        for batch in path_batches(files):
            if check:
                diagnostics.extend(
                    _invoke(
                        ruff,
                        [
                            "check",
                            *common,
                            "--no-fix",
                            "--output-format",
                            "json",
                            "--",
                            *batch,
                        ],
                        root,
                    )
                )
            if format_check:
                unformatted.extend(
                    _invoke(
                        ruff,
                        [
                            "format",
                            "--check",
                            *common,
                            "--output-format",
                            "json",
                            "--",
                            *batch,
                        ],
                        root,
                    )
                )
    return RuffRun(tuple(diagnostics), tuple(unformatted))
