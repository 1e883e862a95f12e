"""Tests for reading project files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.adapters.project_files import read_bytes, read_project_texts

if TYPE_CHECKING:
    from pathlib import Path


def test_read_bytes_reasons(tmp_path: Path) -> None:
    """Unreadable paths give a short reason instead of raising.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    (tmp_path / "ok.py").write_bytes(b"x = 1\n")
    assert read_bytes(tmp_path / "ok.py") == b"x = 1\n"
    assert (
        read_bytes(tmp_path / "missing.py")
        == "file not found (deleted or a broken link)"
    )
    assert read_bytes(tmp_path) == "is a directory"


def test_read_project_texts(tmp_path: Path) -> None:
    """Only existing project-level files are read, undecodable bytes replaced.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    (tmp_path / "Dockerfile").write_bytes(b"FROM x\n\xff\n")
    texts = read_project_texts(tmp_path)
    assert list(texts) == ["Dockerfile"]
    assert texts["Dockerfile"].startswith("FROM x")
