"""Running the file pass over many files: in-process, or in worker processes.

Workers are started once per run and fed chunks of files (several per worker,
largest files first, so the last chunks are small and the workers finish
together); each returns compact result values. Small runs and ``--jobs 1``
stay in-process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from strictpy.adapters.project_files import read_bytes
from strictpy.domain.results import FileResult
from strictpy.services.file_pass import check_file, engine_finding

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from strictpy.services.file_pass import FilePlan

__all__ = ["check_files"]

PARALLEL_MIN_FILES = 64
CHUNKS_PER_WORKER = 4
# Workers fork from a server process that has already imported the engine: as
# cheap as a plain fork, and safe although the parent runs threads (the progress
# bar's refresh thread would make a plain fork risky).
WORKER_PRELOAD = ("strictpy.services.parallel_check",)

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
    by_size = sorted(files, key=lambda pair: _size(pair[0]), reverse=True)
    count = min(jobs * CHUNKS_PER_WORKER, total)
    chunks = [by_size[index::count] for index in range(count)]
    results = []
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_PRELOAD))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_check_chunk, chunk, plan) for chunk in chunks]
        for future in as_completed(futures):
            results.extend(future.result())
            if progress is not None:
                progress(len(results), total)
    return results
