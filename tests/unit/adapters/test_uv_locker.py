"""Tests for running ``uv lock`` in a new project (the subprocess is mocked)."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from strictpy.adapters import uv_locker
from strictpy.adapters.uv_locker import lock_project

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

UV = "/usr/bin/uv"


def test_success_and_arguments(tmp_path: Path, mocker: MockerFixture) -> None:
    """A clean run returns None; the interpreter hint is passed on.

    Args:
        tmp_path: The project folder.
        mocker: Pytest-mock's patcher.
    """
    mocker.patch.object(uv_locker, "find_uv", return_value=UV)
    run = mocker.patch.object(
        subprocess, "run", return_value=subprocess.CompletedProcess([], 0, b"", b"")
    )
    assert lock_project(tmp_path, "/py/bin/python") is None
    arguments = run.call_args.args[0]
    assert arguments[:2] == [UV, "lock"]
    assert arguments[-2:] == ["--python", "/py/bin/python"]
    assert run.call_args.kwargs["cwd"] == tmp_path


def test_failures_become_notices(tmp_path: Path, mocker: MockerFixture) -> None:
    """Missing uv, a failing run, a timeout and a start error are one line each.

    Args:
        tmp_path: The project folder.
        mocker: Pytest-mock's patcher.
    """
    mocker.patch.object(uv_locker, "find_uv", return_value=None)
    assert "uv was not found" in (lock_project(tmp_path) or "")
    mocker.patch.object(uv_locker, "find_uv", return_value=UV)
    failed = subprocess.CompletedProcess([], 2, b"", b"error: no network\nmore\n")
    mocker.patch.object(subprocess, "run", return_value=failed)
    assert "uv lock failed (error: no network)" in (lock_project(tmp_path) or "")
    mocker.patch.object(
        subprocess, "run", side_effect=subprocess.TimeoutExpired(["uv"], 1)
    )
    assert "did not finish" in (lock_project(tmp_path) or "")
    mocker.patch.object(subprocess, "run", side_effect=OSError(13, "Permission denied"))
    assert "could not be started (Permission denied)" in (lock_project(tmp_path) or "")
