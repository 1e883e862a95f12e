"""Tests for planning ``--fix``: encodings, SP000, refusals, formatting, layout."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.safe_writer import SafeWriter
from strictpy.domain.findings import Finding, Span
from strictpy.exceptions import ExternalServiceError
from strictpy.services import fix_plan
from strictpy.services.fix_plan import plan_fixes

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

    from strictpy.services.fix_plan import FileChange

MODULE = "src/app/services/orders.py"
PASSING = '"""M."""\n\n\nclass A:\n    """Doc."""\n\n    pass\n'
FIXED = '"""M."""\n\n\nclass A:\n    """Doc."""\n'
PASS_LINE = 7


def _finding(code: str, path: str, line: int | None = None) -> Finding:
    """Build a finding as the audit reports it.

    Args:
        code: The rule code.
        path: Project-relative path.
        line: The line, or None for a whole or missing file.

    Returns:
        The finding.
    """
    span = Span(line, 1, line, 1) if line else None
    return Finding(code, "name", "message", path, span)


def _write(root: Path, path: str, data: bytes) -> None:
    """Write a project file.

    Args:
        root: The project root.
        path: Project-relative path.
        data: The bytes.
    """
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _plan(
    root: Path, *findings: Finding, package: str | None = "app"
) -> dict[str, FileChange]:
    """Plan the fixes of some findings without formatting.

    Args:
        root: The project root.
        *findings: The findings.
        package: The import package.

    Returns:
        The changes by path.
    """
    plan = plan_fixes(SafeWriter.for_root(root), findings, package, lambda _: False)
    return {change.path: change for change in plan.changes}


def test_python_fix_keeps_bom_and_cookie(tmp_path: Path) -> None:
    """A BOM stays; a latin-1 file stays latin-1 with its non-ASCII bytes.

    Args:
        tmp_path: The project root.
    """
    _write(tmp_path, MODULE, codecs.BOM_UTF8 + PASSING.encode())
    latin = "# -*- coding: latin-1 -*-\n" + PASSING.replace(
        '"""Doc."""', '"""Caf\xe9."""'
    )
    _write(tmp_path, "src/app/latin.py", latin.encode("latin-1"))
    changes = _plan(
        tmp_path,
        _finding("SP102", MODULE, PASS_LINE),
        _finding("SP102", "src/app/latin.py", PASS_LINE + 1),
    )
    assert changes[MODULE].after == codecs.BOM_UTF8 + FIXED.encode()
    latin_fixed = changes["src/app/latin.py"].after
    assert latin_fixed.decode("latin-1").endswith('"""Caf\xe9."""\n')
    assert b"\xe9" in latin_fixed


def test_files_with_sp000_are_never_touched(tmp_path: Path) -> None:
    """A finding next to SP000 on the same file is not fixed.

    Args:
        tmp_path: The project root.
    """
    _write(tmp_path, MODULE, PASSING.encode())
    changes = _plan(
        tmp_path, _finding("SP000", MODULE, 1), _finding("SP102", MODULE, PASS_LINE)
    )
    assert changes == {}


def test_symlinked_files_are_refused_with_a_notice(tmp_path: Path) -> None:
    """A fixable file that is a link is left alone, and the report says so.

    Args:
        tmp_path: A folder holding the project and a file outside it.
    """
    root = tmp_path / "project"
    outside = tmp_path / "bashrc"
    outside.write_text("*.pyc\n", encoding="utf-8")
    root.mkdir()
    (root / ".gitignore").symlink_to(outside)
    plan = plan_fixes(
        SafeWriter.for_root(root),
        [_finding("SP920", ".gitignore")],
        None,
        lambda _: False,
    )
    assert plan.changes == ()
    assert "symbolic link" in plan.notices[0]


def test_layout_files_and_their_tests_are_created(tmp_path: Path) -> None:
    """A missing module is created with a test module, unless one exists.

    Args:
        tmp_path: The project root.
    """
    _write(tmp_path, "tests/unit/test_logging.py", b'"""Mine."""\n')
    changes = _plan(
        tmp_path,
        _finding("SP702", "src/app/config.py"),
        _finding("SP702", "src/app/logging.py"),
        _finding("SP704", "tests/conftest.py"),
    )
    assert sorted(changes) == [
        "src/app/config.py",
        "src/app/logging.py",
        "tests/conftest.py",
        "tests/unit/test_config.py",
    ]
    assert all(change.before is None for change in changes.values())


def test_project_files_are_fixed(tmp_path: Path) -> None:
    """pyproject and ignore files are fixed; CRLF stays.

    Args:
        tmp_path: The project root.
    """
    _write(tmp_path, "pyproject.toml", b'[project]\r\nrequires-python = ">=3.11"\r\n')
    _write(tmp_path, ".dockerignore", b".git\n")
    changes = _plan(
        tmp_path,
        _finding("SP803", "pyproject.toml", 2),
        _finding("SP921", ".dockerignore"),
    )
    assert (
        changes["pyproject.toml"].after
        == b'[project]\r\nrequires-python = ">=3.13"\r\n'
    )
    assert changes[".dockerignore"].after.startswith(b".git\n\n# Added by strictpy")


def test_formatting_applies_to_changed_and_reported_files(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """Ruff formats the files changed by a fix and the files SP813 reported.

    Args:
        tmp_path: The project root.
        mocker: Pytest-mock's patcher.
    """
    _write(tmp_path, MODULE, PASSING.encode())
    _write(tmp_path, "src/app/ugly.py", b"x=1\n")
    _write(tmp_path, "src/app/latin.py", b"# -*- coding: latin-1 -*-\nx=1\n")
    fake = mocker.patch.object(
        fix_plan,
        "format_sources",
        side_effect=lambda texts, _config: {
            p: t.replace("x=1", "x = 1") for p, t in texts.items()
        },
    )
    plan = plan_fixes(
        SafeWriter.for_root(tmp_path),
        [
            _finding("SP102", MODULE, PASS_LINE),
            _finding("SP813", "src/app/ugly.py", 1),
            _finding("SP813", "src/app/latin.py", 2),
        ],
        "app",
        lambda _: True,
    )
    assert sorted(fake.call_args.args[0]) == [MODULE, "src/app/ugly.py"]
    assert {change.path: change.after for change in plan.changes} == {
        MODULE: FIXED.encode(),
        "src/app/ugly.py": b"x = 1\n",
    }


def test_ruff_failure_is_a_notice(tmp_path: Path, mocker: MockerFixture) -> None:
    """When Ruff cannot format, the other fixes still apply.

    Args:
        tmp_path: The project root.
        mocker: Pytest-mock's patcher.
    """
    _write(tmp_path, MODULE, PASSING.encode())
    mocker.patch.object(
        fix_plan, "format_sources", side_effect=ExternalServiceError("ruff failed")
    )
    plan = plan_fixes(
        SafeWriter.for_root(tmp_path),
        [_finding("SP102", MODULE, PASS_LINE)],
        "app",
        lambda _: True,
    )
    assert [change.path for change in plan.changes] == [MODULE]
    assert plan.notices == ("ruff failed; files were not formatted",)


@pytest.mark.parametrize("data", [b"\xff\xfe not utf-8 \x00", b"x = 1\n"])
def test_undecodable_or_unchanged_files_give_nothing(
    tmp_path: Path, data: bytes
) -> None:
    """Unreadable text and fixes that change nothing produce no change.

    Args:
        tmp_path: The project root.
        data: The file's bytes.
    """
    _write(tmp_path, MODULE, data)
    _write(tmp_path, ".gitignore", b"\xff\xfe")
    assert (
        _plan(tmp_path, _finding("SP102", MODULE, 1), _finding("SP920", ".gitignore"))
        == {}
    )
