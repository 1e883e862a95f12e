"""Tests for reusing the last run's digests when a file's stamp still holds."""

from __future__ import annotations

import os
import time
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

from strictpy.services import replay
from strictpy.services.file_stamps import RACY_MARGIN_NS, FileStamps
from strictpy.services.replay import file_digest, stamped_digests

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

AN_HOUR_NS = 3_600 * 1_000_000_000


def _age(path: Path, nanoseconds: int) -> None:
    """Set a file's modification time to some time ago.

    Args:
        path: The file.
        nanoseconds: How long ago.
    """
    moment = time.time_ns() - nanoseconds
    os.utime(path, ns=(moment, moment))


def test_an_old_unchanged_file_is_not_read_again(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """A file modified long before the last hashing keeps its recorded digest.

    Args:
        tmp_path: A temporary project root.
        mocker: Counts the files read.
    """
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n")
    _age(path, AN_HOUR_NS)
    first, stamps = stamped_digests([path], tmp_path, None)
    reads = mocker.spy(replay, "read_bytes")
    again, _ = stamped_digests([path], tmp_path, stamps)
    assert again == first == {"a.py": (path, file_digest(b"x = 1\n"))}
    assert reads.call_count == 0


def test_a_changed_stamp_means_hashing_again(tmp_path: Path) -> None:
    """An edit changes the modification time, and the new bytes are hashed.

    Args:
        tmp_path: A temporary project root.
    """
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n")
    _age(path, AN_HOUR_NS)
    _, stamps = stamped_digests([path], tmp_path, None)
    path.write_bytes(b"x = 2\n")
    digests, _ = stamped_digests([path], tmp_path, stamps)
    assert digests["a.py"][1] == file_digest(b"x = 2\n")


def test_a_racily_clean_file_is_hashed_again(tmp_path: Path) -> None:
    """A file modified just before the hashing is never trusted by its stamp.

    Same size, same modification time, same inode, other bytes: only the
    margin tells that the recorded digest may be stale.

    Args:
        tmp_path: A temporary project root.
    """
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n")
    _age(path, RACY_MARGIN_NS // 2)
    _, stamps = stamped_digests([path], tmp_path, None)
    status = path.stat()
    path.write_bytes(b"x = 2\n")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    digests, _ = stamped_digests([path], tmp_path, stamps)
    assert digests["a.py"][1] == file_digest(b"x = 2\n")


def test_unreadable_files_get_no_stamp(tmp_path: Path) -> None:
    """A path that cannot be read digests to its reason and is never reused.

    Args:
        tmp_path: A temporary project root.
    """
    gone = tmp_path / "gone.py"
    digests, stamps = stamped_digests([gone], tmp_path, None)
    assert digests["gone.py"][1].startswith("unreadable:")
    assert dict(stamps.files) == {}


def test_stamps_survive_their_json_form(tmp_path: Path) -> None:
    """Stamps stored in the last run's metadata decode to the same stamps.

    Args:
        tmp_path: A temporary project root.
    """
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n")
    _, stamps = stamped_digests([path], tmp_path, None)
    decoded = FileStamps.from_json(stamps.to_json())
    assert decoded is not None
    assert decoded.taken_ns == stamps.taken_ns
    assert dict(decoded.files) == dict(stamps.files)


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"taken": "now", "files": {}},
        {"taken": 1, "files": []},
        {"taken": 1, "files": {"a.py": [1, 2, 3]}},
        {"taken": 1, "files": {"a.py": [1, 2, "3", "d"]}},
        {"taken": 1, "files": {"a.py": [1, 2, 3, 4]}},
        {"taken": True, "files": {}},
    ],
)
def test_malformed_stamps_are_not_trusted(data: object) -> None:
    """Anything but well-formed stamps decodes to nothing.

    Args:
        data: Decoded JSON from a damaged or foreign metadata file.
    """
    assert FileStamps.from_json(data) is None


def test_a_file_without_a_stamp_is_hashed(tmp_path: Path) -> None:
    """Stamps of other files do not stand in for a new file.

    Args:
        tmp_path: A temporary project root.
    """
    path = tmp_path / "b.py"
    path.write_bytes(b"y = 1\n")
    stamps = FileStamps(time.time_ns(), MappingProxyType({}))
    assert stamps.digest_of("b.py", path.stat()) is None
