"""Running the file pass over many files: in-process, or in worker processes.

Workers are started once per run and fed chunks of files, largest files first,
in chunks that shrink as the work left shrinks ("guided" scheduling): the first
chunks are large, so few results cross between processes early on, and the last
ones are small, so the workers finish together instead of one waiting for the
other's last large chunk. Each returns compact result values. Small runs go to
the worker forked at launch (``adapters.preloaded_worker``), which has imported
the engine by then, while the main process prepares the project pass; without
one (``--jobs 1``, one core) they stay in-process, where starting workers would
cost more than it saves. A larger run's pool is that worker and the helpers it
forks, which start with the engine imported; where it cannot fork them (no such
worker, more jobs than it has channels), the pool's workers come from a fork
server. Only a process that checks files imports the engine (``chunk_check``).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from collections import deque
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, cast

from strictpy.adapters.preloaded_worker import take_preloaded_worker
from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES, worker_context
from strictpy.utils.collector import collector_paused

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from strictpy.adapters.preloaded_worker import PreloadedWorker
    from strictpy.domain.results import FileResult
    from strictpy.services.file_plan import FilePlan

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

logger = logging.getLogger(__name__)

CHUNK_MODULE = "strictpy.services.chunk_check"

type Progress = Callable[[int, int], None]
type CheckChunk = Callable[[list[tuple[str, str]], FilePlan], list[FileResult]]


def _chunk_checker() -> CheckChunk:
    """Import the engine into this process and return its chunk checker.

    Returns:
        ``chunk_check.check_chunk``.
    """
    module = importlib.import_module(CHUNK_MODULE)
    return cast("CheckChunk", module.check_chunk)


def _check_in_worker(chunk: list[tuple[str, str]], plan: FilePlan) -> list[FileResult]:
    """Check a chunk in a pool worker, which imported the engine before forking.

    The pool pickles this function by name: handing out chunks does not make
    the main process import the engine first (it does so meanwhile, for the
    project pass, while the workers check).

    Args:
        chunk: (absolute path, relative path) pairs.
        plan: What to run.

    Returns:
        One result per file.
    """
    return _chunk_checker()(chunk, plan)


def _check_small(
    files: list[tuple[str, str]],
    plan: FilePlan,
    jobs: int,
    meanwhile: Callable[[], object],
) -> list[FileResult]:
    """Check a few files in the preloaded worker, or else in-process.

    Args:
        files: (absolute path, relative path) pairs.
        plan: What to run.
        jobs: How many worker processes may run.
        meanwhile: Called while the worker checks (before, in-process).

    Returns:
        One result per file.
    """
    worker = take_preloaded_worker()
    if worker is None or jobs <= 1 or not files:
        if worker is not None:
            worker.stop()
        meanwhile()
        return _chunk_checker()(files, plan)
    with worker:
        submitted = worker.submit(CHUNK_MODULE, "check_chunk", files, plan)
        meanwhile()
        done, value = worker.result() if submitted else (False, None)
    if done:
        logger.debug("%d files checked by the preloaded worker", len(files))
        return cast("list[FileResult]", value)
    logger.info("the preloaded worker was lost; checking in-process")
    return _chunk_checker()(files, plan)


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


def _check_in_preloaded_pool(
    workers: list[PreloadedWorker],
    chunks: list[list[tuple[str, str]]],
    plan: FilePlan,
    progress: Progress | None,
    meanwhile: Callable[[], object],
) -> list[FileResult]:
    """Check chunks in the preloaded worker and the helpers it forked.

    Each worker is handed the next chunk as soon as it returns one. The chunks
    of a worker that is lost are checked in-process, so no file goes unchecked.

    Args:
        workers: The preloaded worker, then the helpers it forked; all are
            stopped here.
        chunks: The chunks, in the order they are handed out.
        plan: What to run.
        progress: Called with (files done, total) as chunks finish.
        meanwhile: The main process's own work, done once every worker is busy.

    Returns:
        One result per file.
    """
    leader, *helpers = workers
    total = sum(map(len, chunks))
    queue = deque(chunks)
    busy: dict[PreloadedWorker, list[tuple[str, str]]] = {}
    lost: list[tuple[str, str]] = []
    results: list[FileResult] = []

    def hand_out(worker: PreloadedWorker) -> None:
        """Give a worker the next chunk, if any is left.

        Args:
            worker: An idle worker.
        """
        if queue:
            chunk = queue.popleft()
            if worker.submit(CHUNK_MODULE, "check_chunk", chunk, plan):
                busy[worker] = chunk
            else:
                lost.extend(chunk)

    # The leader is stopped last: that kills whatever helper is left.
    with (
        leader,
        collector_paused(keep_survivors=True),
        contextlib.ExitStack() as stack,
    ):
        for helper in helpers:
            stack.enter_context(helper)
        for worker in workers:
            hand_out(worker)
        meanwhile()
        while busy:
            for ready in wait(list(busy)):
                worker = cast("PreloadedWorker", ready)
                chunk = busy.pop(worker)
                done, value = worker.result()
                if not done:
                    lost.extend(chunk)
                    continue
                results.extend(cast("list[FileResult]", value))
                if progress is not None:
                    progress(len(results), total)
                hand_out(worker)
        leader.release_helpers(helpers)
    lost.extend(file for chunk in queue for file in chunk)
    logger.debug(
        "%d files checked by the preloaded worker and %d helpers",
        total - len(lost),
        len(helpers),
    )
    if lost:
        logger.info("a worker was lost; checking %d files in-process", len(lost))
        results.extend(_chunk_checker()(lost, plan))
    return results


def check_files(
    files: Sequence[tuple[str, str]],
    plan: FilePlan,
    jobs: int,
    progress: Progress | None = None,
    meanwhile: Callable[[], object] = lambda: None,
) -> list[FileResult]:
    """Check files, in worker processes when there are enough of them.

    Args:
        files: (absolute path, relative path) pairs.
        plan: What to run.
        jobs: How many worker processes may run.
        progress: Called with (files done, total) as chunks finish.
        meanwhile: Work of the main process's own that the results are not
            needed for: called while the preloaded worker checks the files,
            while a pool's server gets ready, or before an in-process check.

    Returns:
        One result per file, in no particular order.
    """
    total = len(files)
    if jobs <= 1 or total < PARALLEL_MIN_FILES:
        results = _check_small(list(files), plan, jobs, meanwhile)
        if progress is not None:
            progress(total, total)
        return results
    chunks = plan_chunks(files, [_size(absolute) for absolute, _ in files], jobs)
    leader = take_preloaded_worker()
    if leader is not None:
        helpers = leader.fork_helpers(jobs - 1)
        if helpers is not None:
            return _check_in_preloaded_pool(
                [leader, *helpers], chunks, plan, progress, meanwhile
            )
        leader.stop()  # the pool's workers get its core
    # Starting the pool waits for its server to import the engine (started
    # early, see ``worker_processes``): the main process's own work fills
    # that wait instead of competing with the workers afterwards.
    meanwhile()
    results = []
    # The results arriving are acyclic values kept to the end of the run;
    # collecting while tens of thousands of them are unpickled would only
    # compete with the workers, and traversing them afterwards find nothing.
    with (
        collector_paused(keep_survivors=True),
        ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context()) as pool,
    ):
        futures = [pool.submit(_check_in_worker, chunk, plan) for chunk in chunks]
        for future in as_completed(futures):
            results.extend(future.result())
            if progress is not None:
                progress(len(results), total)
    return results
