"""Running the file pass over many files: in-process, or in worker processes.

Workers are started once per run and fed chunks of files, largest files first,
in chunks that shrink as the work left shrinks ("guided" scheduling): the first
chunks are large, so few results cross between processes early on, and the last
ones are small, so the workers finish together instead of one waiting for the
other's last large chunk. Each returns compact result values. Small runs and
``--jobs 1`` stay in-process, where starting workers would cost more than it
saves.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from strictpy.adapters.project_files import read_bytes
from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES, worker_context
from strictpy.domain.analysis.parsing import trusted_construction
from strictpy.domain.results import FileResult
from strictpy.services.file_pass import check_file, engine_finding
from strictpy.utils.collector import collector_paused

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from strictpy.services.file_pass import FilePlan

__all__ = ["check_files", "plan_chunks"]

# A chunk holds about the work left divided by (workers x this), so each worker
# takes several chunks and the share still queued shrinks as the run ends.
CHUNKS_PER_WORKER_LEFT = 3
# No chunk is smaller than the whole run divided by (workers x this). The last
# chunks decide how long the first worker to run dry waits for the others: on
# the benchmark corpus they take a twentieth of a second each (a share of 24
# left a worker idle for a fifth of a second on average), for about ten more
# chunks in all.
SMALLEST_CHUNK_SHARE = 192

type Progress = Callable[[int, int], None]


def _check_chunk(chunk: list[tuple[str, str]], plan: FilePlan) -> list[FileResult]:
    """Check a chunk of files (in a worker process or in-process).

    Args:
        chunk: (absolute path, relative path) pairs.
        plan: What to run.

    Returns:
        One result per file.
    """
    results: list[FileResult] = []
    # Rules only read trees: the parser's nodes need no validation for the
    # whole chunk, and the initialisers are swapped once, not once per file.
    with trusted_construction():
        for absolute, relative in chunk:
            data = read_bytes(Path(absolute))
            if isinstance(data, str):
                finding = engine_finding("SP000", relative, None, {"reason": data})
                results.append(FileResult(relative, (finding,), None, ()))
            else:
                results.append(check_file(relative, data, plan))
    return results


def _size(path: str) -> int:
    """Return a file's size for load balancing (0 when unknown).

    Args:
        path: The file.

    Returns:
        Its size in bytes.
    """
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def plan_chunks(
    files: Sequence[tuple[str, str]], sizes: Sequence[int], jobs: int
) -> list[list[tuple[str, str]]]:
    """Split files into chunks for the workers, largest files and chunks first.

    Args:
        files: (absolute path, relative path) pairs.
        sizes: Each file's size in bytes, in the same order.
        jobs: How many workers share the chunks.

    Returns:
        Chunks in the order they should be handed out; together they hold
        every file exactly once.
    """
    order = sorted(range(len(files)), key=lambda index: sizes[index], reverse=True)
    # An empty file still costs a read and a parse: count it as one byte.
    weights = [max(sizes[index], 1) for index in order]
    left = sum(weights)
    smallest = left / (jobs * SMALLEST_CHUNK_SHARE)
    chunks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    weight = 0
    for index, file_weight in zip(order, weights, strict=True):
        current.append(files[index])
        weight += file_weight
        if weight >= max(left / (jobs * CHUNKS_PER_WORKER_LEFT), smallest):
            chunks.append(current)
            left -= weight
            current, weight = [], 0
    if current:
        chunks.append(current)
    return chunks


def check_files(
    files: Sequence[tuple[str, str]],
    plan: FilePlan,
    jobs: int,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Check files, in worker processes when there are enough of them.

    Args:
        files: (absolute path, relative path) pairs.
        plan: What to run.
        jobs: How many worker processes may run.
        progress: Called with (files done, total) as chunks finish.

    Returns:
        One result per file, in no particular order.
    """
    total = len(files)
    if jobs <= 1 or total < PARALLEL_MIN_FILES:
        results = _check_chunk(list(files), plan)
        if progress is not None:
            progress(total, total)
        return results
    chunks = plan_chunks(files, [_size(absolute) for absolute, _ in files], jobs)
    results = []
    # The results arriving are acyclic values kept to the end of the run;
    # collecting while tens of thousands of them are unpickled would only
    # compete with the workers, and traversing them afterwards find nothing.
    with (
        collector_paused(keep_survivors=True),
        ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context()) as pool,
    ):
        futures = [pool.submit(_check_chunk, chunk, plan) for chunk in chunks]
        for future in as_completed(futures):
            results.extend(future.result())
            if progress is not None:
                progress(len(results), total)
    return results
