"""Planning the edits of ``--fix`` for one project root, from the audit's findings.

Only files with fixable findings are read, and never a file with SP000 (it
could not be read or parsed, so no edit of it can be trusted). Each fix keeps
the file's encoding (BOM, PEP 263 cookie) and line endings; Python results are
checked to parse and compile. Files are read through the safe writer's checks:
nothing is read or written through a symbolic link or outside the root.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from strictpy.adapters.ruff_formatter import format_sources
from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.analysis.source import SourceDecodeError, decode_source
from strictpy.domain.fixes.ignore_file_fixes import IGNORE_FILE_CODES, fix_ignore_file
from strictpy.domain.fixes.layout_files import layout_file, module_tests
from strictpy.domain.fixes.pyproject_fixes import PYPROJECT_FIX_CODES, fix_pyproject
from strictpy.domain.fixes.python_fixer import PYTHON_FIX_CODES, fix_python
from strictpy.domain.pyproject_model import parse_pyproject
from strictpy.domain.ruff_settings import ruff_toml
from strictpy.exceptions import AppError, ExternalServiceError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from strictpy.adapters.safe_writer import SafeWriter
    from strictpy.domain.findings import Finding

__all__ = [
    "FIX_CODES",
    "FORMAT_CODE",
    "LAYOUT_CODES",
    "FileChange",
    "FixPlan",
    "plan_fixes",
]

FORMAT_CODE = "SP813"
PARSE_ERROR = "SP000"
LAYOUT_CODES = frozenset({"SP702", "SP703", "SP704"})
FIX_CODES = (
    PYTHON_FIX_CODES
    | PYPROJECT_FIX_CODES
    | frozenset(IGNORE_FILE_CODES)
    | LAYOUT_CODES
    | {FORMAT_CODE}
)
PYPROJECT = "pyproject.toml"
PYTHON_SUFFIXES = (".py", ".pyi")
UTF8 = frozenset({"utf-8", "utf-8-sig"})


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file ``--fix`` writes.

    Attributes:
        path: Project-relative path.
        before: The current bytes, or None for a file to create.
        after: The new bytes.
    """

    path: str
    before: bytes | None
    after: bytes


@dataclass(frozen=True, slots=True)
class FixPlan:
    """The edits of one root, and why some files were left alone.

    Attributes:
        changes: The files to write, by path order.
        notices: One-line reasons for skipped files.
    """

    changes: tuple[FileChange, ...]
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Text:
    """A file's text with what it takes to write it back the same way.

    Attributes:
        text: The decoded text (no BOM).
        encoding: The codec to encode with (``utf-8-sig`` restores a BOM).
        original: The bytes read.
    """

    text: str
    encoding: str
    original: bytes

    def encode(self, text: str) -> bytes | None:
        """Encode new text the way the file was encoded.

        Args:
            text: The new text.

        Returns:
            The bytes, or None when the codec cannot represent the text.
        """
        try:
            return text.encode(self.encoding)
        except UnicodeEncodeError:
            return None


def _read_text(writer: SafeWriter, path: str, *, python: bool) -> _Text | None:
    """Read and decode a file of the project.

    Args:
        writer: The root's safe writer (its checks apply to reads too).
        path: Project-relative path.
        python: Decode as Python source (PEP 263) rather than UTF-8.

    Returns:
        The text, or None when the file is missing or does not decode.
    """
    data = writer.read(path)
    if data is None:
        return None
    if python:
        try:
            source = decode_source(data)
        except SourceDecodeError:
            return None
        return _Text(source.text, source.encoding, data)
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return _Text(data.decode(encoding), encoding, data)
    except UnicodeDecodeError:
        return None


class _Planner:
    """Collects the changes of one root."""

    def __init__(
        self,
        writer: SafeWriter,
        package: str | None,
        format_enabled: Callable[[str], bool],
    ) -> None:
        """Start an empty plan.

        Args:
            writer: The root's safe writer.
            package: The project's import package.
            format_enabled: Whether SP813's fix applies to a path.
        """
        self._writer = writer
        self._package = package
        self._format_enabled = format_enabled
        self.texts: dict[str, _Text | None] = {}
        self.new: dict[str, str] = {}
        self.notices: list[str] = []

    def attempt(self, path: str, action: Callable[[], None]) -> None:
        """Run one file's fix, turning a refusal into a notice.

        Args:
            path: The file.
            action: The fix.
        """
        try:
            action()
        except AppError as error:
            self.notices.append(f"{error}; '{path}' was not fixed")

    def python(self, path: str, wanted: Mapping[str, frozenset[int]]) -> None:
        """Plan the Python fixes of a file.

        Args:
            path: Project-relative path.
            wanted: Code to reported lines.
        """
        text = _read_text(self._writer, path, python=True)
        self.texts[path] = text
        if text is None:
            return
        fixed = fix_python(text.text, wanted, describe_file(path, self._package))
        if fixed is not None:
            self.new[path] = fixed

    def project_file(self, path: str, fix: Callable[[str], str | None]) -> None:
        """Plan the fix of a project-level text file.

        Args:
            path: Project-relative path.
            fix: Text to new text (or None).
        """
        text = _read_text(self._writer, path, python=False)
        self.texts[path] = text
        if text is None:
            return
        fixed = fix(text.text)
        if fixed is not None:
            self.new[path] = fixed

    def create(self, path: str) -> None:
        """Plan a missing layout file, and tests for a new package module.

        Args:
            path: The expected path a layout finding names.
        """
        parts = PurePosixPath(path).parts
        package = parts[1] if len(parts) > 2 and parts[0] == "src" else self._package  # noqa: PLR2004 - src/<pkg>/<file>
        if self._writer.read(path) is not None:
            return
        content = layout_file(package, path)
        if content is None:
            return
        self.texts[path] = None
        self.new[path] = content
        tests = module_tests(package, path) if package else None
        if tests is not None and not self._has_tests(tests[0]):
            self.texts[tests[0]] = None
            self.new[tests[0]] = tests[1]

    def _has_tests(self, test_path: str) -> bool:
        """Tell whether the project already has a test module of that name.

        Args:
            test_path: ``tests/unit/test_<stem>.py``.

        Returns:
            True when the path exists or is planned.
        """
        return test_path in self.new or self._writer.read(test_path) is not None

    def format(self, extra: Iterable[str], config: str) -> None:
        """Format with Ruff the changed Python files and those SP813 reported.

        Args:
            extra: Paths with an SP813 finding.
            config: The ``ruff.toml`` text to format with.
        """
        for path in extra:
            if path not in self.texts:
                self.texts[path] = _read_text(self._writer, path, python=True)
        wanted = set(extra) | set(self.new)
        candidates: dict[str, str] = {}
        for path, text in self.texts.items():
            if (
                path not in wanted
                or not path.endswith(PYTHON_SUFFIXES)
                or not self._format_enabled(path)
            ):
                continue
            if text is not None and text.encoding not in UTF8:
                continue
            current = self.new.get(path, text.text if text is not None else None)
            if current is not None:
                candidates[path] = current
        try:
            formatted = format_sources(candidates, config)
        except ExternalServiceError as error:
            self.notices.append(f"{error}; files were not formatted")
            return
        for path, text in formatted.items():
            original = self.texts.get(path)
            if original is None or text != original.text or path in self.new:
                self.new[path] = text

    def changes(self) -> tuple[FileChange, ...]:
        """Return the planned writes whose content differs from the file's.

        Returns:
            The changes, by path.
        """
        found: list[FileChange] = []
        for path, text in sorted(self.new.items()):
            original = self.texts.get(path)
            data = (
                original.encode(text) if original is not None else text.encode("utf-8")
            )
            if data is None:
                self.notices.append(
                    f"'{path}' was not fixed: its encoding cannot hold the fix"
                )
                continue
            before = original.original if original is not None else None
            if data != before:
                found.append(FileChange(path, before, data))
        return tuple(found)


def _wanted_lines(findings: Iterable[Finding]) -> dict[str, dict[str, frozenset[int]]]:
    """Group the Python-fixable findings by path, then code, then line.

    Args:
        findings: The root's findings.

    Returns:
        Path to code to lines.
    """
    grouped: dict[str, dict[str, set[int]]] = {}
    for finding in findings:
        if finding.code in PYTHON_FIX_CODES and finding.line is not None:
            codes = grouped.setdefault(finding.path, {})
            codes.setdefault(finding.code, set()).add(finding.line)
    return {
        path: {code: frozenset(lines) for code, lines in codes.items()}
        for path, codes in grouped.items()
    }


def plan_fixes(
    writer: SafeWriter,
    findings: Iterable[Finding],
    package: str | None,
    format_enabled: Callable[[str], bool],
) -> FixPlan:
    """Plan every fix of one root's findings.

    Args:
        writer: The root's safe writer.
        findings: The root's findings (paths relative to the root).
        package: The project's import package.
        format_enabled: Whether SP813's fix (Ruff formatting) applies to a path.

    Returns:
        The changes to write, and notices for files left alone.
    """
    findings = list(findings)
    broken = {finding.path for finding in findings if finding.code == PARSE_ERROR}
    usable = [finding for finding in findings if finding.path not in broken]
    planner = _Planner(writer, package, format_enabled)
    for path, wanted in _wanted_lines(usable).items():
        planner.attempt(
            path, lambda path=path, wanted=wanted: planner.python(path, wanted)
        )
    codes_by_path: dict[str, set[str]] = {}
    for finding in usable:
        codes_by_path.setdefault(finding.path, set()).add(finding.code)
    pyproject_codes = codes_by_path.get(PYPROJECT, set()) & PYPROJECT_FIX_CODES
    if pyproject_codes:
        planner.attempt(
            PYPROJECT,
            lambda: planner.project_file(
                PYPROJECT, lambda text: fix_pyproject(text, pyproject_codes)
            ),
        )
    for code, path in IGNORE_FILE_CODES.items():
        if code in codes_by_path.get(path, set()):
            planner.attempt(
                path,
                lambda path=path: planner.project_file(
                    path, lambda text, path=path: fix_ignore_file(path, text)
                ),
            )
    for finding in usable:
        if finding.code in LAYOUT_CODES:
            planner.attempt(
                finding.path, lambda path=finding.path: planner.create(path)
            )
    formatted = sorted({f.path for f in usable if f.code == FORMAT_CODE})
    if formatted or any(path.endswith(PYTHON_SUFFIXES) for path in planner.new):
        planner.format(
            formatted, _ruff_config(writer, readable=PYPROJECT not in broken)
        )
    return FixPlan(planner.changes(), tuple(planner.notices))


def _ruff_config(writer: SafeWriter, *, readable: bool) -> str:
    """Return the Ruff configuration to format with: the ruleset's plus refinements.

    Args:
        writer: The root's safe writer.
        readable: Whether ``pyproject.toml`` may be read (it has no SP000).

    Returns:
        The ``ruff.toml`` text.
    """
    text = None
    if readable:
        try:
            pyproject = _read_text(writer, PYPROJECT, python=False)
        except AppError:
            pyproject = None
        text = pyproject.text if pyproject is not None else None
    return ruff_toml(parse_pyproject(text) if text is not None else None)
