"""Tests for writing a new project into an empty folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.scaffold_writer import write_new_project
from strictpy.exceptions import ValidationError

if TYPE_CHECKING:
    from pathlib import Path


def test_files_are_written(tmp_path: Path) -> None:
    """A missing folder is created with every file.

    Args:
        tmp_path: A fresh folder.
    """
    target = tmp_path / "new" / "app"
    write_new_project(target, {"a.txt": "a\n", "src/app/__init__.py": '"""App."""\n'})
    assert (target / "a.txt").read_text(encoding="utf-8") == "a\n"
    assert (target / "src" / "app" / "__init__.py").is_file()


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    """An existing empty folder is fine.

    Args:
        tmp_path: A fresh, empty folder.
    """
    write_new_project(tmp_path, {"README.md": "# x\n"})
    assert (tmp_path / "README.md").is_file()


def test_non_empty_folders_and_files_are_refused(tmp_path: Path) -> None:
    """Nothing is overwritten: a non-empty folder or a file is an error.

    Args:
        tmp_path: A fresh folder.
    """
    (tmp_path / "keep.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not empty"):
        write_new_project(tmp_path, {"keep.txt": "theirs\n"})
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine\n"
    with pytest.raises(ValidationError, match="is a file"):
        write_new_project(tmp_path / "keep.txt", {"a": ""})
