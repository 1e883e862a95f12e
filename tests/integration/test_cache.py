"""The cache: warm runs replay exactly, and every input that matters invalidates it."""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.adapters.cache_store import CACHE_DIR, CACHE_FORMAT
from strictpy.api.cli import app
from strictpy.services import replay, root_audit

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
DIRTY = '"""Dirty."""\n\n\ndef run():\n    """Run."""\n    pass\n'
CLEAN = '"""Clean."""\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Create a small project and enter it.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: pytest's monkeypatch fixture.

    Returns:
        The project root.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP1', 'SP2']\n", encoding="utf-8"
    )
    (tmp_path / "a.py").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.py").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(*arguments: str) -> list[tuple[str, str, int]]:
    """Run a JSON check and return (path, code, line) triples.

    Args:
        *arguments: Extra options.

    Returns:
        The findings.
    """
    result = RUNNER.invoke(app, ["check", "--format", "json", *arguments])
    document = json.loads(result.stdout)
    return [(f["path"], f["code"], f["line"]) for f in document["findings"]]


def test_cached_and_uncached_runs_print_identical_json(project: Path) -> None:
    """A cold run, a warm replay and an uncached run print the same bytes.

    Args:
        project: The project folder (the working directory).
    """
    cold = RUNNER.invoke(app, ["check", "--format", "json"])
    warm = RUNNER.invoke(app, ["check", "--format", "json"])
    uncached = RUNNER.invoke(app, ["check", "--format", "json", "--no-cache"])
    assert cold.stdout == warm.stdout == uncached.stdout
    assert cold.exit_code == warm.exit_code == uncached.exit_code == 1
    assert (project / CACHE_DIR / "CACHEDIR.TAG").is_file()
    assert (project / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_warm_run_does_not_audit(project: Path, mocker: MockerFixture) -> None:
    """Nothing changed: the report is replayed without the audit or the worker.

    Args:
        mocker: pytest-mock's fixture.
        project: The project folder (the working directory).
    """
    stop = mocker.patch("strictpy.api.check_command.stop_preloaded_worker")
    first = _codes()
    stop.assert_not_called()
    audit = mocker.patch("strictpy.api.check_command.run_audit")
    assert _codes() == first
    audit.assert_not_called()
    # The worker forked at launch is stopped before the report is written.
    stop.assert_called_once_with()
    assert project.is_dir()


def test_file_bytes_invalidate(project: Path) -> None:
    """Changing a file's bytes changes its findings.

    Args:
        project: The project folder (the working directory).
    """
    assert ("b.py", "SP102", 4) not in _codes()
    (project / "b.py").write_text(
        '"""Now dirty."""\n\n\ndef f() -> None:\n    pass\n', encoding="utf-8"
    )
    assert ("b.py", "SP102", 5) in _codes()


def test_configuration_and_selection_invalidate(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyproject, the environment and the command line all count.

    Args:
        monkeypatch: pytest's monkeypatch fixture.
        project: The project folder (the working directory).
    """
    assert ("a.py", "SP202", 4) in _codes()
    (project / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP1']\n", encoding="utf-8"
    )
    assert ("a.py", "SP202", 4) not in _codes()
    monkeypatch.setenv("STRICTPY_SELECT", "SP2")
    assert [code for _, code, _ in _codes()] == ["SP202"]
    assert [code for _, code, _ in _codes("--select", "SP102")] == ["SP102"]


def test_version_invalidates(project: Path, mocker: MockerFixture) -> None:
    """A new strictpy version re-checks every file.

    Args:
        mocker: pytest-mock's fixture.
        project: The project folder (the working directory).
    """
    first = _codes()
    mocker.patch("strictpy.services.replay.__version__", "99.0")
    mocker.patch("strictpy.services.root_audit.__version__", "99.0")
    check = mocker.spy(root_audit, "check_files")
    assert _codes() == first
    (misses,) = [call.args[0] for call in check.call_args_list]
    assert len(misses) == len(["a.py", "b.py"])
    assert project.is_dir()


def test_truncated_cache_is_survived(project: Path) -> None:
    """Corrupt cache files are ignored and rewritten.

    Args:
        project: The project folder (the working directory).
    """
    first = _codes()
    for cache_file in (project / CACHE_DIR).iterdir():
        if cache_file.suffix == ".json" or cache_file.name.startswith("last-output"):
            cache_file.write_bytes(cache_file.read_bytes()[:7])
    assert _codes() == first
    assert _codes("--no-cache") == first


def test_a_damaged_body_is_survived_and_the_cache_rebuilt(
    project: Path, mocker: MockerFixture
) -> None:
    """A body cut short is noticed when decoded; the root is checked anew.

    The damaged cache is discarded and a whole one written: after an edit, the
    next run checks the edited file alone.

    Args:
        project: The project folder (the working directory).
        mocker: Counts the files checked.
    """
    first = _codes()
    bodies = next((project / CACHE_DIR).glob("bodies-*"))
    damaged = bodies.read_bytes()[:-3]
    bodies.write_bytes(damaged)
    # Another command line: no report to copy segments from, every entry decoded.
    assert _codes("--exit-zero") == first
    assert bodies.read_bytes() != damaged
    (project / "b.py").write_text('"""Changed."""\n', encoding="utf-8")
    check = mocker.spy(root_audit, "check_files")
    assert _codes("--exit-zero") == first
    (misses,) = [call.args[0] for call in check.call_args_list]
    assert [relative for _, relative in misses] == ["b.py"]


def test_only_changed_files_are_checked_again(
    project: Path, mocker: MockerFixture
) -> None:
    """After one file changes, only that file goes through the file pass.

    The project is walked and its files digested once: the audit reuses what
    the replay check just found.

    Args:
        mocker: pytest-mock's fixture.
        project: The project folder (the working directory).
    """
    _codes()
    (project / "b.py").write_text('"""Changed."""\n', encoding="utf-8")
    check = mocker.spy(root_audit, "check_files")
    walks = [
        mocker.spy(replay, "discover_python_files"),
        mocker.spy(root_audit, "discover_python_files"),
    ]
    digests = mocker.spy(replay, "stamped_digests")
    _codes()
    (misses,) = [call.args[0] for call in check.call_args_list]
    assert [relative for _, relative in misses] == ["b.py"]
    assert sum(walk.call_count for walk in walks) == 1
    assert digests.call_count == 1


def test_old_files_are_trusted_by_stamp_and_edits_still_seen(
    project: Path, mocker: MockerFixture
) -> None:
    """Files untouched for long are not read to replay; an edit is still seen.

    Args:
        project: The project folder (the working directory).
        mocker: Counts the files read for digests.
    """
    an_hour_ago = time.time_ns() - 3_600 * 1_000_000_000
    for name in ("a.py", "b.py"):
        os.utime(project / name, ns=(an_hour_ago, an_hour_ago))
    first = _codes()
    reads = mocker.spy(replay, "read_bytes")
    assert _codes() == first
    assert reads.call_count == 0
    (project / "b.py").write_text(
        '"""Now dirty."""\n\n\ndef f() -> None:\n    pass\n', encoding="utf-8"
    )
    assert ("b.py", "SP102", 5) in _codes()
    assert ("b.py", "SP102", 5) in _codes()


@pytest.mark.skipif(sys.platform == "win32", reason="flock is Unix only")
def test_after_an_edit_the_stored_report_is_rewritten_in_place(project: Path) -> None:
    """The run lets go of the last report before storing its own in the same file.

    Args:
        project: The project folder (the working directory).
    """
    stored = project / CACHE_DIR / f"last-output-v{CACHE_FORMAT}"
    first = _codes()
    inode = stored.stat().st_ino
    (project / "b.py").write_text(DIRTY, encoding="utf-8")
    second = _codes()
    assert second != first
    assert stored.stat().st_ino == inode
    assert _codes() == second == _codes("--no-cache")
