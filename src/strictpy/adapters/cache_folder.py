"""Where strictpy's cache lives, its format version and its markers.

Its own module, apart from the cache's codec and store: a run that replays the
stored report needs the folder's name and nothing of the per-file cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "CACHEDIR_TAG",
    "CACHE_DIR",
    "CACHE_FORMAT",
    "TEMPORARY_PREFIX",
    "prepare_cache_folder",
]

CACHE_DIR = ".strictpy_cache"
CACHE_FORMAT = 6
# Temporary files (renamed into place once written) start with this.
TEMPORARY_PREFIX = ".tmp-"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by strictpy.\n"
)


def prepare_cache_folder(folder: Path) -> None:
    """Create the cache folder with its markers: ignored by git, tagged as a cache.

    Args:
        folder: The cache folder.

    Raises:
        OSError: If the folder or a marker cannot be written.
    """
    folder.mkdir(exist_ok=True)
    for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        marker = folder / name
        if not marker.exists():
            marker.write_text(text, encoding="utf-8")
