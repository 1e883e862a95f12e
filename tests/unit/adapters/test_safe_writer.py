"""Tests for the safe writer: inside the root only, atomic, permissions kept."""

from __future__ import annotations

import os
import pathlib
import stat
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.safe_writer import SafeWriter
from strictpy.exceptions import ExternalServiceError, ValidationError

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

PRIVATE = 0o640


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Provide a project folder next to a file outside it.

    Args:
        tmp_path: A fresh folder.

    Returns:
        The project root (``tmp_path/project``); ``tmp_path/outside.txt`` exists.
    """
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("secret\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("path", ["/etc/passwd", "../outside.txt", "a/../../x", ""])
def test_paths_outside_the_root_are_refused(project: Path, path: str) -> None:
    """Absolute paths and climbing paths never leave the root.

    Args:
        project: The project root.
        path: An unsafe path.
    """
    with pytest.raises(ValidationError):
        SafeWriter.for_root(project).write(path, b"x")


def test_a_symlink_to_a_file_outside_is_refused(project: Path) -> None:
    """A link inside the project to ``~/.bashrc``-like files is never written.

    Args:
        project: The project root.
    """
    outside = project.parent / "outside.txt"
    (project / ".gitignore").symlink_to(outside)
    writer = SafeWriter.for_root(project)
    with pytest.raises(ValidationError, match="symbolic link"):
        writer.write(".gitignore", b"*.pyc\n")
    with pytest.raises(ValidationError, match="symbolic link"):
        writer.read(".gitignore")
    assert outside.read_text(encoding="utf-8") == "secret\n"
    assert (project / ".gitignore").is_symlink()


def test_a_symlinked_folder_is_refused(project: Path) -> None:
    """A linked folder cannot carry a write elsewhere either.

    Args:
        project: The project root.
    """
    (project / "src").symlink_to(project.parent)
    with pytest.raises(ValidationError):
        SafeWriter.for_root(project).write("src/outside.txt", b"x")
    assert (project.parent / "outside.txt").read_text(encoding="utf-8") == "secret\n"


def test_a_linked_root_is_resolved_once(project: Path, tmp_path: Path) -> None:
    """The root itself may be a link: paths are checked against its target.

    Args:
        project: The project root.
        tmp_path: The folder holding it.
    """
    alias = tmp_path / "alias"
    alias.symlink_to(project)
    SafeWriter.for_root(alias).write("a.txt", b"ok")
    assert (project / "a.txt").read_bytes() == b"ok"


def test_writes_are_atomic_and_keep_permissions(project: Path) -> None:
    """The content is replaced whole, the mode stays, no temporary file remains.

    Args:
        project: The project root.
    """
    target = project / "pkg" / "module.py"
    target.parent.mkdir()
    target.write_bytes(b"old\n")
    target.chmod(PRIVATE)
    SafeWriter.for_root(project).write("pkg/module.py", b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == PRIVATE
    assert sorted(path.name for path in target.parent.iterdir()) == ["module.py"]


def test_new_files_follow_the_umask(project: Path) -> None:
    """A created file gets ``0o666`` minus the umask, folders are created.

    Args:
        project: The project root.
    """
    mask = os.umask(0o022)
    try:
        SafeWriter.for_root(project).write("a/b/new.txt", b"x", create=True)
    finally:
        os.umask(mask)
    created = project / "a" / "b" / "new.txt"
    assert stat.S_IMODE(created.stat().st_mode) == 0o644  # noqa: PLR2004 - 0o666 & ~0o022


def test_create_refuses_to_overwrite(project: Path) -> None:
    """``create=True`` never replaces an existing file.

    Args:
        project: The project root.
    """
    (project / "kept.txt").write_bytes(b"kept")
    with pytest.raises(ValidationError, match="already exists"):
        SafeWriter.for_root(project).write("kept.txt", b"new", create=True)
    assert (project / "kept.txt").read_bytes() == b"kept"


def test_failures_leave_no_temporary_file(project: Path, mocker: MockerFixture) -> None:
    """When the final rename fails, the original stays and the temporary goes.

    Args:
        project: The project root.
        mocker: Pytest-mock's patcher.
    """
    (project / "f.txt").write_bytes(b"original")
    mocker.patch.object(pathlib.Path, "replace", side_effect=OSError(28, "No space"))
    with pytest.raises(ExternalServiceError, match="No space"):
        SafeWriter.for_root(project).write("f.txt", b"new")
    assert (project / "f.txt").read_bytes() == b"original"
    assert [path.name for path in project.iterdir()] == ["f.txt"]


def test_read(project: Path) -> None:
    """Reading a missing file gives None; a folder cannot be read.

    Args:
        project: The project root.
    """
    writer = SafeWriter.for_root(project)
    assert writer.read("missing.txt") is None
    (project / "folder").mkdir()
    with pytest.raises(ExternalServiceError):
        writer.read("folder")
