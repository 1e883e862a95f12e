"""Tests for replaying the last report."""

from __future__ import annotations

import mmap
from typing import TYPE_CHECKING

from strictpy.adapters.cache_store import CACHE_DIR
from strictpy.services.audit import AuditRequest
from strictpy.services.replay import (
    RenderOptions,
    Replay,
    RootInputs,
    file_digest,
    inputs_fingerprint,
    last_report,
    remember_run,
    replay_of,
    run_key,
)

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

RENDER = RenderOptions("concise")


def _remember(root: Path, request: AuditRequest) -> None:
    """Store a run for a root whose only file is a.py.

    Args:
        root: The project root.
        request: The request to store it for.
    """
    digest = file_digest((root / "a.py").read_bytes())
    fingerprint = inputs_fingerprint(root, [("a.py", digest)], {}, {"a.py"}, None)
    inputs = RootInputs(root, (), None, fingerprint)
    remember_run(request, RENDER, root, [inputs], Replay(b"report\n", 1, ("note",)))


def _stored_run(root: Path) -> tuple[AuditRequest, dict[Path, list[Path]]]:
    """Write a.py, store a run of it, and return that run's request and roots.

    Args:
        root: The project root.

    Returns:
        The request and its roots with their requested paths.
    """
    (root / "a.py").write_text("x = 1\n", encoding="utf-8")
    request = AuditRequest(("a.py",))
    _remember(root, request)
    return request, {root: [root / "a.py"]}


def test_replay_round_trip_and_invalidation(tmp_path: Path) -> None:
    """A stored run replays until a file changes.

    Args:
        tmp_path: pytest's temporary folder.
    """
    request, groups = _stored_run(tmp_path)
    uncached = AuditRequest(("a.py",), no_cache=True)
    as_json = RenderOptions("json")
    replayed = replay_of(last_report(request, RENDER, tmp_path, groups), groups)
    assert replayed is not None
    # The stored report is mapped from its file, not read into a new buffer.
    assert isinstance(replayed.output, mmap.mmap)
    assert (bytes(replayed.output), replayed.exit_code, replayed.notices) == (
        b"report\n",
        1,
        ("note",),
    )
    assert replay_of(last_report(uncached, RENDER, tmp_path, groups), groups) is None
    assert replay_of(last_report(request, as_json, tmp_path, groups), groups) is None
    (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert replay_of(last_report(request, RENDER, tmp_path, groups), groups) is None


def test_a_damaged_stored_report_is_not_replayed(tmp_path: Path) -> None:
    """A stored report altered in place, or cut short, is never replayed.

    Args:
        tmp_path: pytest's temporary folder.
    """
    request, groups = _stored_run(tmp_path)
    (output,) = (tmp_path / CACHE_DIR).glob("last-output-*")
    assert last_report(request, RENDER, tmp_path, groups) is not None
    for damaged in (b"rePort\n", b"report"):
        output.write_bytes(damaged)
        assert last_report(request, RENDER, tmp_path, groups) is None


def test_run_key_covers_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """STRICTPY_* variables and .env change the run key.

    Args:
        monkeypatch: pytest's monkeypatch fixture.
        tmp_path: pytest's temporary folder.
    """
    request = AuditRequest((".",))
    first = run_key(request, RENDER, tmp_path)
    monkeypatch.setenv("STRICTPY_IGNORE", "SP1")
    second = run_key(request, RENDER, tmp_path)
    (tmp_path / ".env").write_text("STRICTPY_SELECT=SP2\n", encoding="utf-8")
    assert len({first, second, run_key(request, RENDER, tmp_path)}) == len(
        ["a", "b", "c"]
    )
