"""Tests for running the file pass in-process and in workers."""

from __future__ import annotations

import functools
import gc
from pathlib import Path
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
    from pytest_mock import MockerFixture

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
    """Stands in for the preloaded worker, running calls in this process."""

    def __init__(self, events: list[str], *, lost: bool = False) -> None:
        """Record into ``events``; ``lost`` makes the worker die on its call.

        Args:
            events: Where the calls are recorded, in order.
            lost: Whether the worker dies instead of answering.
        """
        self.events = events
        self.lost = lost
        self.call: tuple[str, str, tuple[object, ...]] | None = None

    def submit(self, module: str, function: str, *arguments: object) -> bool:
        """Record the call.

        Args:
            module: The function's module.
            function: The function's name.
            *arguments: Its arguments.

        Returns:
            True: the call was handed over.
        """
        self.events.append("submit")
        self.call = (module, function, arguments)
        return True

    def result(self) -> tuple[bool, object]:
        """Run the recorded call here, unless the worker is lost.

        Returns:
            What ``PreloadedWorker.result`` returns.
        """
        self.events.append("result")
        if self.lost or self.call is None:
            return False, None
        module, function, arguments = self.call
        assert (module, function) == (CHUNK_MODULE, "check_chunk")
        return True, check_chunk(*arguments)  # type: ignore[arg-type]

    def stop(self) -> None:
        """Record the stop."""
        self.events.append("stop")

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
    assert worker.call == (CHUNK_MODULE, "check_chunk", (files, PLAN))
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


def test_one_job_or_a_pool_stops_the_preloaded_worker_unused(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """``--jobs 1`` checks here and a pool brings its own workers.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the preloaded worker.
    """
    files = _small_files(tmp_path)
    many = [
        (str(tmp_path / f"m{index}.py"), f"m{index}.py")
        for index in range(PARALLEL_MIN_FILES)
    ]
    for absolute, _ in many:
        Path(absolute).write_text("x = 1\n", encoding="utf-8")
    events = _fake_worker(mocker).events
    note = functools.partial(events.append, "meanwhile")
    check_files(files, PLAN, 1, meanwhile=note)
    assert events == ["stop", "meanwhile"]
    events.clear()
    stop = mocker.patch.object(
        parallel_check,
        "stop_preloaded_worker",
        side_effect=functools.partial(events.append, "stop"),
    )
    check_files(many, PLAN, 2, meanwhile=note)
    stop.assert_called_once_with()
    assert events == ["stop", "meanwhile"]


def test_fake_worker_has_the_workers_methods() -> None:
    """The stand-in offers what the real worker offers, so the tests mean it."""
    public = {name for name in dir(PreloadedWorker) if not name.startswith("_")}
    assert public - {"pid"} <= set(dir(FakeWorker))


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
