"""Tests for asking git which files it tracks."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.git_client import tracked_files

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_tracked_files_relative_to_a_sub_root(tmp_path: Path) -> None:
    """Tracked paths are relative to the project root inside the work tree.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    assert GIT is not None
    project = tmp_path / "project"
    project.mkdir()
    (project / "a.py").write_text("", encoding="utf-8")
    (tmp_path / "outside.py").write_text("", encoding="utf-8")
    for command in (["init", "-q"], ["add", "."]):
        subprocess.run([GIT, *command], cwd=tmp_path, check=True)  # noqa: S603 - test setup
    assert tracked_files(project) == frozenset({"a.py"})


def test_not_a_work_tree(tmp_path: Path) -> None:
    """Outside a work tree the answer is None.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    assert tracked_files(tmp_path) is None


def test_git_missing(tmp_path: Path, mocker: MockerFixture) -> None:
    """Without git the answer is None.

    Args:
        tmp_path: A temporary folder for the test's files.
        mocker: pytest-mock's patching helper.
    """
    mocker.patch("strictpy.adapters.git_client.shutil.which", return_value=None)
    assert tracked_files(tmp_path) is None
