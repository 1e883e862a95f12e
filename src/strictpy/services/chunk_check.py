"""Checking a chunk of files: what a worker process runs, and small runs in-process.

Its own module so that only a process that checks files imports it, and with it
the engine: the main process of a run whose files a worker checks imports the
rules later, for the project pass, while the worker is busy.
"""

from __future__ import annotations

from pathlib import Path

from strictpy.adapters.project_files import read_bytes
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.analysis.parsing import trusted_construction
from strictpy.domain.results import FileResult
from strictpy.domain.rule_catalog import CODES, FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import check_file, engine_finding
from strictpy.services.file_plan import FilePlan

__all__ = ["check_chunk", "warm_up"]


def check_chunk(
    chunk: list[tuple[str, str]], plan: FilePlan, *, on_this_thread: bool = False
) -> list[FileResult]:
    """Check a chunk of files (in a worker process or in-process).

    Args:
        chunk: (absolute path, relative path) pairs.
        plan: What to run.
        on_this_thread: Check on the calling thread (see ``check_file``).

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
                results.append(
                    check_file(relative, data, plan, on_this_thread=on_this_thread)
                )
    return results


def warm_up() -> FileResult:
    """Check this module's own source with every file rule, for nothing but speed.

    A process's first check pays for what the engine prepares once: the walk
    plans of the node types met, the parser's own first run. The worker forked
    at launch pays it here, while it waits, instead of on the file it is given.

    Returns:
        The result (of no use).
    """
    selection = Selection.build(
        CODES, select=None, extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan(FILE_CODES, selection, RuleOptions("strictpy"), collect_facts=True)
    # On the calling thread: a worker that may yet fork helpers must not run
    # the check's own thread (a fork would not carry it).
    return check_chunk([(__file__, "warm_up.py")], plan, on_this_thread=True)[0]
