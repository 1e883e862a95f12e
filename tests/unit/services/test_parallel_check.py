"""Tests for running the file pass in-process and in workers."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from hypothesis import given, strategies as st

from strictpy.adapters.preloaded_worker import PreloadedWorker
from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.rule_catalog import CODES, FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services import parallel_check
from strictpy.services.chunk_check import check_chunk
from strictpy.services.file_plan import FilePlan
from strictpy.services.parallel_check import (
    CHUNK_MODULE,
    CHUNKS_PER_WORKER_LEFT,
    SMALLEST_CHUNK_SHARE,
    check_files,
    plan_chunks,
)

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

    from strictpy.domain.results import FileResult

SELECTION = Selection.build(
    CODES, select=["SP102"], extend_select=(), ignore=(), per_file_ignores={}
)
PLAN = FilePlan(FILE_CODES, SELECTION, RuleOptions("app"), collect_facts=False)


def test_workers_agree_with_in_process_and_report_progress(tmp_path: Path) -> None:
    """Results are the same with two workers; progress reaches the total.

    Args:
        tmp_path: pytest's temporary folder.
    """
    files = []
    for index in range(PARALLEL_MIN_FILES + 2):
        path = tmp_path / f"m{index}.py"
        path.write_text(
            "def f() -> None:\n    pass\n" * (index % 3 + 1), encoding="utf-8"
        )
        files.append((str(path), path.name))
    seen: list[tuple[int, int]] = []
    parallel = check_files(
        files, PLAN, 2, lambda done, total: seen.append((done, total))
    )
    serial = check_files(files, PLAN, 1)
    assert sorted(parallel, key=lambda r: r.path) == sorted(
        serial, key=lambda r: r.path
    )
    assert seen[-1] == (len(files), len(files))


def test_results_from_workers_are_frozen(tmp_path: Path) -> None:
    """Results kept to the end of the run leave the collector's reach.

    Args:
        tmp_path: pytest's temporary folder.
    """
    files = []
    for index in range(PARALLEL_MIN_FILES):
        path = tmp_path / f"m{index}.py"
        path.write_text("x = 1\n", encoding="utf-8")
        files.append((str(path), path.name))
    gc.unfreeze()
    try:
        results = check_files(files, PLAN, 2)
        assert gc.get_freeze_count() > len(results)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


class FakeWorker:
    """Stands in for the preloaded worker (or a helper), running calls here.

    A byte written to its own pipe on each call makes it ready for ``wait``.
    """

    def __init__(
        self, events: list[str], *, lost: bool = False, name: str = ""
    ) -> None:
        """Record into ``events``; ``lost`` makes the worker die on its call.

        Args:
            events: Where the calls are recorded, in order.
            lost: Whether the worker dies instead of answering.
            name: Prefixed to its events (helpers are named).
        """
        self.events = events
        self.lost = lost
        self.name = name
        self.call_made: tuple[str, str, tuple[object, ...]] | None = None
        self.helpers: list[FakeWorker] | None = []
        self.spare_count = 1
        self.pid = 0
        self.chunks = 0
        self._ready, self._signal = os.pipe()

    def _note(self, event: str) -> None:
        """Record an event under this worker's name.

        Args:
            event: What happened.
        """
        self.events.append(f"{self.name}{event}")

    def fileno(self) -> int:
        """Return the descriptor that is readable once a call was made.

        Returns:
            The descriptor.
        """
        return self._ready

    def submit(self, module: str, function: str, *arguments: object) -> bool:
        """Record the call.

        Args:
            module: The function's module.
            function: The function's name.
            *arguments: Its arguments.

        Returns:
            True: the call was handed over.
        """
        self._note("submit")
        self.call_made = (module, function, arguments)
        os.write(self._signal, b"x")
        return True

    def result(self) -> tuple[bool, object]:
        """Run the recorded call here, unless the worker is lost.

        Returns:
            What ``PreloadedWorker.result`` returns.
        """
        self._note("result")
        os.read(self._ready, 1)
        if self.lost or self.call_made is None:
            return False, None
        module, function, arguments = self.call_made
        assert (module, function) == (CHUNK_MODULE, "check_chunk")
        self.chunks += 1
        return True, check_chunk(*arguments)  # type: ignore[arg-type]

    def call(
        self, module: str, function: str, *arguments: object
    ) -> tuple[bool, object]:
        """Submit, then wait for the result.

        Args:
            module: The function's module.
            function: The function's name.
            *arguments: Its arguments.

        Returns:
            What ``result`` returns.
        """
        self.submit(module, function, *arguments)
        return self.result()

    def fork_helpers(self, count: int) -> list[FakeWorker] | None:
        """Record the request and hand out the helpers prepared for it.

        Args:
            count: How many helpers.

        Returns:
            ``helpers``, or None when they are set to None (refused).
        """
        self._note(f"fork_helpers {count}")
        return self.helpers

    def release_helpers(self, helpers: list[FakeWorker]) -> None:
        """Record that the helpers were let go.

        Args:
            helpers: The helpers.
        """
        assert helpers == self.helpers
        self._note("release_helpers")

    def stop(self) -> None:
        """Record the stop."""
        self._note("stop")

    def __enter__(self) -> FakeWorker:
        """Use the worker.

        Returns:
            Itself.
        """
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop the worker.

        Args:
            *exc_info: The exception leaving the block, if any.
        """
        self.stop()


def _small_files(tmp_path: Path) -> list[tuple[str, str]]:
    """Write a few files, one with a finding.

    Args:
        tmp_path: pytest's temporary folder.

    Returns:
        (absolute, relative) pairs.
    """
    (tmp_path / "a.py").write_text("def f() -> None:\n    pass\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("x = 1\n", encoding="utf-8")
    return [(str(tmp_path / name), name) for name in ("a.py", "b.py")]


def _fake_worker(mocker: MockerFixture, *, lost: bool = False) -> FakeWorker:
    """Put a stand-in where ``check_files`` takes the preloaded worker.

    Args:
        mocker: pytest-mock's fixture.
        lost: Whether the worker dies instead of answering.

    Returns:
        The stand-in (its ``events`` record the calls).
    """
    worker = FakeWorker([], lost=lost)
    mocker.patch.object(parallel_check, "take_preloaded_worker", return_value=worker)
    return worker


def test_small_run_goes_to_the_preloaded_worker_while_the_main_process_works(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """The files are handed over, then ``meanwhile`` runs, then the results come.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker and the in-process check.
    """
    files = _small_files(tmp_path)
    expected = check_files(files, PLAN, 1)
    worker = _fake_worker(mocker)
    events = worker.events
    in_process = mocker.patch.object(parallel_check, "_chunk_checker")
    results = check_files(files, PLAN, 2, meanwhile=lambda: events.append("meanwhile"))
    assert results == expected
    assert events == ["submit", "meanwhile", "result", "stop"]
    assert worker.call_made == (CHUNK_MODULE, "check_chunk", (files, PLAN))
    in_process.assert_not_called()


def test_a_lost_worker_leaves_the_files_to_this_process(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """A worker that dies is stopped; the files are checked here, none lost.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker.
    """
    files = _small_files(tmp_path)
    expected = check_files(files, PLAN, 1)
    worker = _fake_worker(mocker, lost=True)
    assert check_files(files, PLAN, 2) == expected
    assert worker.events == ["submit", "result", "stop"]


def _many_files(tmp_path: Path) -> list[tuple[str, str]]:
    """Write enough files for a pool, some with a finding.

    Args:
        tmp_path: pytest's temporary folder.

    Returns:
        (absolute, relative) pairs.
    """
    many = []
    for index in range(PARALLEL_MIN_FILES + 5):
        path = tmp_path / f"m{index}.py"
        body = "def f() -> None:\n    pass\n" if index % 4 == 0 else "x = 1\n"
        path.write_text(body * (index % 7 + 1), encoding="utf-8")
        many.append((str(path), path.name))
    return many


def _pool(
    tmp_path: Path, mocker: MockerFixture, *, helper_lost: bool = False
) -> tuple[list[tuple[str, str]], list[FileResult], FakeWorker, FakeWorker]:
    """Write files for a pool and stand in for the worker and one helper.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: pytest-mock's fixture.
        helper_lost: Whether the helper dies on its first call.

    Returns:
        The files, their results checked here (by path), the worker and the helper.
    """
    many = _many_files(tmp_path)
    expected = sorted(check_files(many, PLAN, 1), key=lambda r: r.path)
    leader = _fake_worker(mocker)
    helper = FakeWorker(leader.events, lost=helper_lost, name="helper ")
    leader.helpers = [helper]
    return many, expected, leader, helper


def test_one_job_checks_here_and_stops_the_preloaded_worker_unused(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """``--jobs 1`` checks in this process.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker.
    """
    events = _fake_worker(mocker).events
    check_files(
        _small_files(tmp_path), PLAN, 1, meanwhile=lambda: events.append("meanwhile")
    )
    assert events == ["stop", "meanwhile"]


def test_a_pool_is_the_preloaded_worker_and_its_helpers(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """Every worker gets a chunk before ``meanwhile``; all chunks are checked.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker and the fork server's pool.
    """
    many, expected, leader, helper = _pool(tmp_path, mocker)
    pool = mocker.patch.object(parallel_check, "ProcessPoolExecutor")
    seen: list[tuple[int, int]] = []
    results = check_files(
        many,
        PLAN,
        2,
        lambda done, total: seen.append((done, total)),
        meanwhile=lambda: leader.events.append("meanwhile"),
    )
    assert sorted(results, key=lambda r: r.path) == expected
    events = leader.events
    assert events[:4] == ["fork_helpers 1", "submit", "helper submit", "meanwhile"]
    assert events[-3:] == ["release_helpers", "helper stop", "stop"]
    assert leader.chunks > 1
    assert helper.chunks > 1
    assert seen[-1] == (len(many), len(many))
    pool.assert_not_called()


def test_a_helper_lost_leaves_its_chunk_to_this_process(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """The lost helper's chunk is checked here; no file is lost or doubled.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker.
    """
    many, expected, leader, _ = _pool(tmp_path, mocker, helper_lost=True)
    results = check_files(many, PLAN, 2)
    assert sorted(results, key=lambda r: r.path) == expected
    assert leader.events.count("helper submit") == 1


def test_helpers_refused_means_a_pool_from_the_fork_server(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """The preloaded worker is stopped and the pool brings its own workers.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker.
    """
    many, expected, leader, _ = _pool(tmp_path, mocker)
    leader.helpers = None
    results = check_files(
        many, PLAN, 2, meanwhile=lambda: leader.events.append("meanwhile")
    )
    assert sorted(results, key=lambda r: r.path) == expected
    assert leader.events == ["fork_helpers 1", "stop", "meanwhile"]


def test_fake_worker_has_the_workers_methods() -> None:
    """The stand-in offers what the real worker offers, so the tests mean it."""
    public = {name for name in dir(PreloadedWorker) if not name.startswith("_")}
    assert public <= set(dir(FakeWorker(events=[])))


def test_unreadable_file_is_sp000(tmp_path: Path) -> None:
    """A file that vanished is one SP000, not a crash.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (result,) = check_files([(str(tmp_path / "gone.py"), "gone.py")], PLAN, 1)
    assert [f.code for f in result.findings] == ["SP000"]


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=200_000), max_size=400),
    jobs=st.integers(min_value=2, max_value=8),
)
def test_chunks_hold_every_file_once_largest_first(sizes: list[int], jobs: int) -> None:
    """Every file lands in exactly one chunk; larger files are handed out first.

    Args:
        sizes: File sizes in bytes.
        jobs: How many workers share the chunks.
    """
    files = [(f"/abs/m{index}.py", f"m{index}.py") for index in range(len(sizes))]
    size_of = dict(zip(files, sizes, strict=True))
    chunks = plan_chunks(files, sizes, jobs)
    handed_out = [pair for chunk in chunks for pair in chunk]
    assert sorted(handed_out) == sorted(files)
    assert all(chunks)
    order = [size_of[pair] for pair in handed_out]
    assert order == sorted(order, reverse=True)
    assert len(chunks) <= jobs * SMALLEST_CHUNK_SHARE + 1


def test_chunks_shrink_towards_the_end() -> None:
    """Early chunks carry more work than late ones, so workers finish together."""
    sizes = [1_000] * 1_000
    files = [(f"/abs/m{index}.py", f"m{index}.py") for index in range(len(sizes))]
    chunks = plan_chunks(files, sizes, 2)
    lengths = [len(chunk) for chunk in chunks]
    assert lengths[0] > 2 * lengths[-2]
    assert lengths[:-1] == sorted(lengths[:-1], reverse=True)
    assert len(chunks) >= 2 * CHUNKS_PER_WORKER_LEFT
    # The end is fine-grained: no worker waits long for the last chunk.
    assert lengths[-2] * 100 <= len(sizes)
