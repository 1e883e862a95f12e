"""Checking a chunk of files: what a worker process runs, and small runs in-process.

Its own module so that only a process that checks files imports it, and with it
the engine: the main process of a run whose files a worker checks imports the
rules later, for the project pass, while the worker is busy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from strictpy.adapters.project_files import read_bytes
from strictpy.domain.analysis.parsing import trusted_construction
from strictpy.domain.results import FileResult
from strictpy.services.file_pass import check_file, engine_finding

if TYPE_CHECKING:
    from strictpy.services.file_plan import FilePlan

__all__ = ["check_chunk"]


def check_chunk(chunk: list[tuple[str, str]], plan: FilePlan) -> list[FileResult]:
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
