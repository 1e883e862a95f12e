"""Unusual inputs end to end: line endings, encodings, deep nesting, vanishing files.

Every variant of the same program must give the same findings on the same lines
and columns (a PEP 263 cookie line shifts them by one), and no input may crash
the run.
"""

from __future__ import annotations

import json
import os
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.api.cli import app
from strictpy.services import root_audit

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytest_mock import MockerFixture

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
# One marker comment at column 1, one after a non-ASCII string (columns count
# characters, not bytes), two suppressions, one unsuppressed placeholder body.
PROGRAM = (
    "# TODO first\n"
    '"""Doc."""\n'
    "\n"
    'VALUE = "\u00e9"  # \u00e9 TODO: later\n'
    "\n"
    "\n"
    "def run(y):  # strictpy: ignore[SP201]\n"
    '    """Run."""\n'
    "    pass  # strictpy: ignore[SP102]\n"
    "\n"
    "\n"
    "def other() -> None:\n"
    '    """Other."""\n'
    "    pass\n"
)
EXPECTED = frozenset(
    {
        ("SP101", 1, 1),
        ("SP101", 4, 14),
        ("SP202", 7, 1),
        ("SP102", 14, 5),
    }
)
DEEP_PARENTHESES = 10_000
UTF8_BOM = b"\xef\xbb\xbf"
LATIN1_COOKIE = "# -*- coding: latin-1 -*-\n"


def _check(root: Path, *arguments: str) -> tuple[int, list[dict[str, object]]]:
    """Run an uncached JSON check of a folder without Ruff.

    Args:
        root: The folder.
        *arguments: Extra options.

    Returns:
        The exit code and the findings.
    """
    result = RUNNER.invoke(
        app,
        [
            "check",
            "--format",
            "json",
            "--no-cache",
            "--no-ruff",
            "--jobs",
            "1",
            *arguments,
            str(root),
        ],
    )
    assert result.exit_code in {0, 1}, result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def _positions(findings: list[dict[str, object]]) -> set[tuple[object, ...]]:
    """Reduce findings to (code, line, column).

    Args:
        findings: JSON findings.

    Returns:
        The positions.
    """
    return {(f["code"], f["line"], f["column"]) for f in findings}


def _shifted(lines: int) -> frozenset[tuple[object, ...]]:
    """Return the expected positions moved down by some lines.

    Args:
        lines: How many lines were added on top.

    Returns:
        The positions.
    """
    return frozenset((code, line + lines, column) for code, line, column in EXPECTED)


type Expected = frozenset[tuple[object, ...]]
VARIANTS: MappingProxyType[str, tuple[Callable[[str], bytes], Expected]] = (
    MappingProxyType(
        {
            "lf": (lambda text: text.encode(), EXPECTED),
            "crlf": (lambda text: text.replace("\n", "\r\n").encode(), EXPECTED),
            "cr": (lambda text: text.replace("\n", "\r").encode(), EXPECTED),
            "bom": (lambda text: UTF8_BOM + text.encode(), EXPECTED),
            "bom-crlf": (
                lambda text: UTF8_BOM + text.replace("\n", "\r\n").encode(),
                EXPECTED,
            ),
            "latin-1-cookie": (
                lambda text: (LATIN1_COOKIE + text).encode("latin-1"),
                _shifted(1),
            ),
            "tabs": (
                lambda text: text.replace("    ", "\t").encode(),
                frozenset(
                    (c, line, 2 if c == "SP102" else col) for c, line, col in EXPECTED
                ),
            ),
            "form-feeds": (
                # Page breaks on their own lines, as in the standard library.
                lambda text: (
                    text.replace('"""Doc."""\n\n', '"""Doc."""\n\x0c\n')
                    .replace("\n\n\ndef other", "\n\x0c\n\ndef other")
                    .encode()
                ),
                EXPECTED,
            ),
        }
    )
)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_findings_whatever_the_encoding_and_line_endings(
    tmp_path: Path, variant: str
) -> None:
    """Line endings, BOM, cookie, tabs and form feeds keep findings in place.

    Args:
        tmp_path: A temporary folder for the test's files.
        variant: The transformation of the program.
    """
    encode, expected = VARIANTS[variant]
    (tmp_path / "program.py").write_bytes(encode(PROGRAM))
    exit_code, findings = _check(tmp_path, "--select", "SP0,SP1,SP2")
    assert exit_code == 1
    assert _positions(findings) == expected


def test_characters_str_splitlines_breaks_on_stay_inside_their_line(
    tmp_path: Path,
) -> None:
    """Form feeds and U+2028 inside a docstring or a string are not line breaks.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    source = (
        "def f() -> None:\n"
        '    """Run.\n'
        "\n"
        "    Text\x0c with a form feed \u2028 and a line separator.\n"
        "    TODO: later\n"
        '    """\n'
        "\n"
        "\n"
        'VALUE = "a\u2028b"  # TODO: again\n'
    )
    (tmp_path / "program.py").write_text(source, encoding="utf-8", newline="")
    _, findings = _check(tmp_path, "--select", "SP101")
    assert _positions(findings) == {("SP101", 5, 5), ("SP101", 9, 16)}
    result = RUNNER.invoke(
        app,
        ["check", "--no-cache", "--no-ruff", "--select", "SP101", str(tmp_path)],
    )
    assert "TODO: again" in result.stdout, result.stdout


def test_lone_carriage_return_before_non_ascii(tmp_path: Path) -> None:
    """A CR-only file whose comment precedes a non-ASCII name does not crash.

    CPython's tokenizer fails on this text (the fuzz test found it); comments are
    then read from the syntax tree.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    source = "# TODO: x\r\u00c0 = 1\r# TODO again\r"
    (tmp_path / "program.py").write_text(source, encoding="utf-8", newline="")
    _, findings = _check(tmp_path, "--select", "SP0,SP101")
    assert _positions(findings) == {("SP101", 1, 1), ("SP101", 3, 1)}


def test_ten_thousand_nested_parentheses(tmp_path: Path) -> None:
    """Deep nesting is one clear SP000, and the other files are still checked.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    deep = "x = " + "(" * DEEP_PARENTHESES + "1" + ")" * DEEP_PARENTHESES + "\n"
    (tmp_path / "deep.py").write_text(deep, encoding="utf-8")
    (tmp_path / "unary.py").write_text("x = " + "-" * 10_000 + "1\n", encoding="utf-8")
    (tmp_path / "other.py").write_text(
        '"""Other."""\n\n\ndef f() -> None:\n    """F."""\n    pass\n',
        encoding="utf-8",
    )
    exit_code, findings = _check(tmp_path, "--select", "SP0,SP1")
    assert exit_code == 1
    by_path = {(f["path"], f["code"]): f["message"] for f in findings}
    assert by_path == {
        ("deep.py", "SP000"): "File could not be checked: brackets nest deeper "
        "than Python allows (200 levels)",
        ("unary.py", "SP000"): "File could not be checked: the file is nested "
        "too deeply to parse",
        ("other.py", "SP102"): "'pass' is a placeholder body",
    }


def test_file_deleted_between_discovery_and_reading(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """A file that vanishes after discovery is one SP000; the run goes on.

    Args:
        tmp_path: A temporary folder for the test's files.
        mocker: pytest-mock's patching helper.
    """
    (tmp_path / "gone.py").write_text('"""Gone."""\n', encoding="utf-8")
    (tmp_path / "kept.py").write_text(
        '"""Kept."""\n\n\ndef f() -> None:\n    """F."""\n    pass\n',
        encoding="utf-8",
    )
    discover = root_audit.discover_python_files
    calls: list[object] = []

    def discover_then_delete(*arguments: object) -> object:
        """Discover as usual, then delete a file the discovery found.

        The whole project is requested: the audit discovers it once.

        Args:
            *arguments: discover_python_files's arguments.

        Returns:
            The discovery, which still lists the deleted file.
        """
        discovery = discover(*arguments)
        calls.append(discovery)
        if len(calls) == 1:
            (tmp_path / "gone.py").unlink()
        return discovery

    mocker.patch.object(root_audit, "discover_python_files", discover_then_delete)
    exit_code, findings = _check(tmp_path, "--select", "SP0,SP1")
    assert exit_code == 1
    assert {(f["path"], f["code"], f["message"]) for f in findings} == {
        (
            "gone.py",
            "SP000",
            "File could not be checked: file not found (deleted or a broken link)",
        ),
        ("kept.py", "SP102", "'pass' is a placeholder body"),
    }


def _locked_project(root: Path) -> None:
    """Write a project with one readable and one locked folder.

    Args:
        root: The project folder.
    """
    for folder in ("open", "locked"):
        (root / folder).mkdir()
        (root / folder / "module.py").write_text(
            '"""Module."""\n\n\ndef f() -> None:\n    """F."""\n    pass\n',
            encoding="utf-8",
        )


def _assert_locked_folder_reported(root: Path) -> None:
    """Check that the readable folder is checked and the locked one is named.

    Args:
        root: The project folder.
    """
    result = RUNNER.invoke(
        app,
        [
            "check",
            "--format",
            "concise",
            "--no-cache",
            "--no-ruff",
            "--select",
            "SP0,SP1",
            str(root),
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "open/module.py:6:5: SP102 'pass' is a placeholder body"
    ]
    assert (
        "folder 'locked' could not be read (permission denied); "
        "its files were not checked"
    ) in result.stderr


def test_folder_without_read_permission_simulated(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """A folder that cannot be listed is named on stderr (works as root too).

    Args:
        tmp_path: A temporary folder for the test's files.
        mocker: pytest-mock's patching helper.
    """
    _locked_project(tmp_path)
    scandir = os.scandir

    def refuse_locked(path: Path) -> object:
        """List folders like the kernel would for a normal user.

        Args:
            path: The folder.

        Raises:
            PermissionError: For the locked folder.

        Returns:
            The entries of any other folder.
        """
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    mocker.patch("strictpy.adapters.file_discovery.os.scandir", refuse_locked)
    _assert_locked_folder_reported(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders regardless of mode")
def test_folder_without_read_permission_real(tmp_path: Path) -> None:
    """A chmod 000 folder is named on stderr (run as a normal user).

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _locked_project(tmp_path)
    locked = tmp_path / "locked"
    locked.chmod(0)
    try:
        _assert_locked_folder_reported(tmp_path)
    finally:
        locked.chmod(0o755)
