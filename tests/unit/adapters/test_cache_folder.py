"""Tests for the cache folder and its markers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.adapters.cache_folder import CACHE_DIR, CACHEDIR_TAG, prepare_cache_folder

if TYPE_CHECKING:
    from pathlib import Path


def test_the_folder_is_made_with_its_markers_once(tmp_path: Path) -> None:
    """Git ignores it, backup tools see its tag, and edited markers are kept.

    Args:
        tmp_path: pytest's temporary folder.
    """
    folder = tmp_path / CACHE_DIR
    prepare_cache_folder(folder)
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8") == CACHEDIR_TAG
    assert CACHEDIR_TAG.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    (folder / ".gitignore").write_text("*\n!keep\n", encoding="utf-8")
    prepare_cache_folder(folder)
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*\n!keep\n"
