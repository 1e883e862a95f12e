"""Worker processes for the file pass: forked from a server that has imported the engine.

Workers fork from a server process that has already imported the engine: as
cheap as a plain fork, and safe although the parent runs threads (the progress
bar's refresh thread and the Ruff thread would make a plain fork risky).
Starting that server is the slow part of a parallel run: a new interpreter
imports libcst and every rule, about half a second. ``start_worker_server``
starts it early, before the main process discovers and hashes the files, so the
server's imports and the main process's work overlap.

This module imports nothing of the engine itself, so the command line can start
the server before it imports the engine for its own use.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
from typing import TYPE_CHECKING

from strictpy.adapters.preloaded_worker import ENGINE_MODULES

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["PARALLEL_MIN_FILES", "start_worker_server", "worker_context"]

# Below this many files to check, the file pass stays in-process: starting
# workers would cost more than it saves.
PARALLEL_MIN_FILES = 64
# What the server imports before it forks workers: the engine.
WORKER_PRELOAD = ENGINE_MODULES


def worker_context() -> BaseContext:
    """Return the multiprocessing context workers are started with.

    Returns:
        The fork-server context, with the engine as the server's preload.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_PRELOAD))
    return context


def start_worker_server() -> None:
    """Start the fork server now, without waiting for its imports to finish.

    A pool created later with ``worker_context`` uses the running server; if
    none is, the server simply stops when this process exits.
    """
    worker_context()
    multiprocessing.forkserver.ensure_running()
