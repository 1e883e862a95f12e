"""Tests for the stored last report: mapped under a lock, rewritten in place when free."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.cache_store import CACHE_DIR, CACHE_FORMAT
from strictpy.adapters.last_run_store import (
    load_last_run,
    release_stored,
    save_last_run,
)

if TYPE_CHECKING:
    from pathlib import Path

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="flock is Unix only")


def _inode(root: Path) -> int:
    """Return the stored output file's inode.

    Args:
        root: The project root.

    Returns:
        The inode number.
    """
    return (root / CACHE_DIR / f"last-output-v{CACHE_FORMAT}").stat().st_ino


def test_the_last_report_is_mapped_and_survives_its_replacement(tmp_path: Path) -> None:
    """A report being read is replaced, not rewritten: the reader's bytes hold.

    Args:
        tmp_path: pytest's temporary folder.
    """
    save_last_run(tmp_path, {"exit_code": 1}, b"first report\n")
    loaded = load_last_run(tmp_path)
    assert loaded is not None
    meta, output = loaded
    assert meta["exit_code"] == 1
    assert not isinstance(output, bytes)
    before = _inode(tmp_path)
    save_last_run(tmp_path, {"exit_code": 0}, b"second\n")
    assert bytes(output) == b"first report\n"
    assert _inode(tmp_path) != before
    again = load_last_run(tmp_path)
    assert again is not None
    assert bytes(again[1]) == b"second\n"
    release_stored(again[1])
    save_last_run(tmp_path, {"exit_code": 0}, b"")
    empty = load_last_run(tmp_path)
    assert empty is not None
    assert empty[1] == b""
    release_stored(output)


@unix_only
def test_a_report_nobody_reads_is_rewritten_in_place(tmp_path: Path) -> None:
    """Same file, new bytes, a shorter report cut to its length.

    Args:
        tmp_path: pytest's temporary folder.
    """
    save_last_run(tmp_path, {"exit_code": 1}, b"a long first report\n")
    first = _inode(tmp_path)
    save_last_run(tmp_path, {"exit_code": 0}, b"short\n")
    assert _inode(tmp_path) == first
    loaded = load_last_run(tmp_path)
    assert loaded is not None
    assert (loaded[0]["exit_code"], bytes(loaded[1])) == (0, b"short\n")
    release_stored(loaded[1])
    save_last_run(tmp_path, {"exit_code": 1}, b"third\n")
    assert _inode(tmp_path) == first


@unix_only
def test_a_report_of_another_format_is_let_go(tmp_path: Path) -> None:
    """Refused on load, the output is unmapped at once: the next save rewrites it.

    Args:
        tmp_path: pytest's temporary folder.
    """
    save_last_run(tmp_path, {"exit_code": 1}, b"report\n")
    meta_file = tmp_path / CACHE_DIR / f"last-run-v{CACHE_FORMAT}.json"
    meta_file.write_text('{"format": 0}', encoding="utf-8")
    first = _inode(tmp_path)
    assert load_last_run(tmp_path) is None
    save_last_run(tmp_path, {"exit_code": 1}, b"again\n")
    assert _inode(tmp_path) == first


def test_without_flock_the_report_is_always_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where ``flock`` is missing, every save goes through a new file.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: Pretends to be on Windows.
    """
    save_last_run(tmp_path, {"exit_code": 1}, b"first\n")
    first = _inode(tmp_path)
    monkeypatch.setattr(sys, "platform", "win32")
    save_last_run(tmp_path, {"exit_code": 0}, b"second\n")
    assert _inode(tmp_path) != first
    loaded = load_last_run(tmp_path)
    assert loaded is not None
    assert bytes(loaded[1]) == b"second\n"
    release_stored(loaded[1])
