"""Bad inputs never crash the run: each unparsable file is exactly one SP000."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.api.cli import app

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
FIVE_MEGABYTES = 5 * 1024 * 1024


def _check(root: Path) -> tuple[int, dict[str, list[tuple[str, int | None]]]]:
    """Run ``strictpy check --format json`` on a folder.

    Args:
        root: The folder to check (also the working directory).

    Returns:
        The exit code and the findings by path as (code, line) pairs.
    """
    result = RUNNER.invoke(
        app, ["check", "--format", "json", "--select", "SP0,SP1", str(root)]
    )
    document = json.loads(result.stdout)
    by_path: dict[str, list[tuple[str, int | None]]] = {}
    for finding in document["findings"]:
        by_path.setdefault(finding["path"], []).append(
            (finding["code"], finding["line"])
        )
    return result.exit_code, by_path


def _write(root: Path, files: dict[str, bytes]) -> None:
    """Write raw files under a root.

    Args:
        root: The folder.
        files: Relative path to bytes.
    """
    for name, data in files.items():
        (root / name).write_bytes(data)


def test_each_bad_file_is_one_sp000(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Invalid UTF-8, NUL bytes and syntax errors are SP000; empty files are clean.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    big_line = b'VALUE = "' + b"x" * 60 + b'"\n'
    _write(
        tmp_path,
        {
            "invalid_utf8.py": b"x = '\xff\xfe'\n",
            "nul_byte.py": b"x = 1\n\x00\n",
            "syntax.py": b"def broken(:\n    return 1\n",
            "empty.py": b"",
            "big.py": b'"""Generated."""\n'
            + big_line * (FIVE_MEGABYTES // len(big_line)),
            "good.py": b'"""Fine."""\n',
        },
    )
    exit_code, by_path = _check(tmp_path)
    assert exit_code == 1
    assert by_path == {
        "invalid_utf8.py": [("SP000", None)],
        "nul_byte.py": [("SP000", None)],
        "syntax.py": [("SP000", 1)],
    }


def test_symlink_loop_and_broken_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A directory loop ends; a dangling .py link is one SP000.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "ok.py").write_text('"""Ok."""\n', encoding="utf-8")
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.py").symlink_to(tmp_path / "gone.py")
    exit_code, by_path = _check(tmp_path)
    assert exit_code == 1
    assert by_path == {"dangling.py": [("SP000", None)]}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of mode 000")
def test_unreadable_file_real_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chmod 000 file is one SP000 (run as a normal user).

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    locked = tmp_path / "locked.py"
    locked.write_text('"""Locked."""\n', encoding="utf-8")
    locked.chmod(0)
    exit_code, by_path = _check(tmp_path)
    assert exit_code == 1
    assert by_path == {"locked.py": [("SP000", None)]}


def test_unreadable_file_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mocker: MockerFixture
) -> None:
    """Permission errors while reading become SP000 'permission denied' (works as root too).

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
        mocker: pytest-mock's patching helper.
    """
    monkeypatch.chdir(tmp_path)
    locked = tmp_path / "locked.py"
    locked.write_text('"""Locked."""\n', encoding="utf-8")
    locked.chmod(0)
    original = type(locked).read_bytes

    def read_bytes(path: Path) -> bytes:
        """Refuse the locked file like the kernel would for a normal user.

        Args:
            path: The file being read.

        Raises:
            PermissionError: For the locked file.

        Returns:
            The bytes of any other file.
        """
        if path.name == "locked.py":
            raise PermissionError(13, "Permission denied")
        return original(path)

    mocker.patch("pathlib.Path.read_bytes", read_bytes)
    result = RUNNER.invoke(
        app,
        [
            "check",
            "--format",
            "concise",
            "--jobs",
            "1",
            "--select",
            "SP0",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert (
        result.stdout.strip()
        == "locked.py: SP000 File could not be checked: permission denied"
    )
