"""Tests for running the file pass in-process and in workers."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from hypothesis import given, strategies as st

from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.registry import CODES, FILE_RULES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import FilePlan
from strictpy.services.parallel_check import (
    CHUNKS_PER_WORKER_LEFT,
    SMALLEST_CHUNK_SHARE,
    check_files,
    plan_chunks,
)

if TYPE_CHECKING:
    from pathlib import Path

SELECTION = Selection.build(
    CODES, select=["SP102"], extend_select=(), ignore=(), per_file_ignores={}
)
PLAN = FilePlan(tuple(FILE_RULES), SELECTION, RuleOptions("app"), collect_facts=False)


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
