"""Tests for file discovery: gitignore semantics, exclusions, symlinks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import file_discovery
from strictpy.adapters.file_discovery import (
    discover_python_files,
    find_project_root,
    relative_posix,
)
from strictpy.config import RUFF_EXCLUDES
from strictpy.exceptions import NotFoundError

if TYPE_CHECKING:
    from pytest_mock import MockerFixture


def _tree(root: Path, files: dict[str, str]) -> None:
    """Write files under a root.

    Args:
        root: The folder.
        files: Relative path to text.
    """
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _found(root: Path, patterns: list[str] | None = None) -> list[str]:
    """Discover the whole root.

    Args:
        root: The project root.
        patterns: Exclusion patterns.

    Returns:
        Relative paths found.
    """
    discovery = discover_python_files(root, [root], list(patterns or RUFF_EXCLUDES))
    return [relative_posix(path, root) for path in discovery.files]


def test_gitignore_nested_and_negated(tmp_path: Path) -> None:
    """Root and nested .gitignore files apply, with negation.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(
        tmp_path,
        {
            ".gitignore": "generated/\n*.tmp.py\n",
            "src/app/__init__.py": "",
            "src/app/.gitignore": "local_*.py\n!local_keep.py\n",
            "src/app/local_x.py": "",
            "src/app/local_keep.py": "",
            "generated/x.py": "",
            "a.tmp.py": "",
            "stub.pyi": "",
            "notes.txt": "",
        },
    )
    assert _found(tmp_path) == [
        "src/app/__init__.py",
        "src/app/local_keep.py",
        "stub.pyi",
    ]


def test_ruleset_excludes_and_extend_exclude(tmp_path: Path) -> None:
    """Ruff's exclude folders and extra patterns are pruned.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(
        tmp_path,
        {".venv/x.py": "", "build/y.py": "", "tests/fixtures/z.py": "", "ok.py": ""},
    )
    assert _found(tmp_path, [*RUFF_EXCLUDES, "tests/fixtures"]) == ["ok.py"]


def test_explicit_file_is_checked_even_if_excluded(tmp_path: Path) -> None:
    """A file named on the command line is always checked.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(tmp_path, {".gitignore": "ignored.py\n", "ignored.py": ""})
    discovery = discover_python_files(tmp_path, [tmp_path / "ignored.py"], [])
    assert [path.name for path in discovery.files] == ["ignored.py"]
    assert not discovery.whole_project


def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    """Directory links are not followed, so a loop ends.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(tmp_path, {"pkg/a.py": ""})
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert _found(tmp_path) == ["pkg/a.py"]


def test_sub_folder_request_honours_parent_gitignore(tmp_path: Path) -> None:
    """Requesting a sub-folder still applies the root's .gitignore.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(tmp_path, {".gitignore": "skip.py\n", "sub/skip.py": "", "sub/keep.py": ""})
    discovery = discover_python_files(tmp_path, [tmp_path / "sub"], [])
    assert [path.name for path in discovery.files] == ["keep.py"]


def test_a_folder_named_twice_is_walked_once(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """The root named twice (as the audit names it) is walked once.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Counts the walks.
    """
    _tree(tmp_path, {"a.py": "", "pkg/b.py": ""})
    walk = mocker.spy(file_discovery, "_walk")
    found = discover_python_files(tmp_path, [tmp_path, tmp_path], [])
    assert [call.args[1] for call in walk.call_args_list].count(tmp_path) == 1
    assert [relative_posix(path, tmp_path) for path in found.files] == [
        "a.py",
        "pkg/b.py",
    ]


def test_missing_path_is_not_found(tmp_path: Path) -> None:
    """A requested path that does not exist is an error.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    with pytest.raises(NotFoundError):
        discover_python_files(tmp_path, [tmp_path / "nope"], [])


def test_find_project_root(tmp_path: Path) -> None:
    """The nearest pyproject.toml marks the root.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    _tree(tmp_path, {"pyproject.toml": "", "src/app/x.py": ""})
    assert find_project_root(tmp_path / "src" / "app" / "x.py") == tmp_path
    assert relative_posix(tmp_path, tmp_path) == ""


def test_relative_posix_edges(tmp_path: Path) -> None:
    """Relative paths under the root, at the filesystem root, and outside it.

    Args:
        tmp_path: A temporary folder used as the root.
    """
    root = tmp_path / "project"
    sibling = tmp_path / "project-other" / "a.py"
    assert relative_posix(root / "pkg" / "a.py", root) == "pkg/a.py"
    assert relative_posix(Path("/etc/hosts"), Path("/")) == "etc/hosts"
    # A sibling sharing the root's name as a prefix is outside the root.
    assert relative_posix(sibling, root) == sibling.as_posix()


def test_unlistable_folders_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is named with the reason, not silently skipped.

    Args:
        tmp_path: A temporary folder (the project root).
        monkeypatch: pytest's monkeypatch fixture.
    """
    _tree(tmp_path, {"open/a.py": "", "locked/b.py": "", "locked/deeper/c.py": ""})
    scandir = os.scandir

    def refuse(path: Path) -> object:
        """Refuse to list the locked folder.

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

    monkeypatch.setattr("strictpy.adapters.file_discovery.os.scandir", refuse)
    discovery = discover_python_files(tmp_path, [tmp_path], list(RUFF_EXCLUDES))
    assert [relative_posix(path, tmp_path) for path in discovery.files] == ["open/a.py"]
    assert discovery.unreadable == (("locked", "permission denied"),)
    assert _found(tmp_path / "open") == ["a.py"]
