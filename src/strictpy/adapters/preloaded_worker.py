"""A worker process forked at launch, importing the engine while the command starts.

A run that checks a few files (one edited since the last run, say) would spend
most of its time importing libcst and the rules before parsing anything. Forked
before the command line's own imports, this worker imports the engine on
another core while the main process parses its options and finds out whether
the last report can be replayed; the main process then hands it the files to
check and, meanwhile, prepares the project pass. A run that replays, or that
starts its pool of workers, stops it unused; so does the process's exit.

Written by hand: ``multiprocessing`` starts a process only when a pool or a
``Process`` is made, after the command line's imports, and its own imports
would cost the runs that replay. This is one ``fork`` before any import, two
pipes and pickle. Only on Linux (``fork`` of a fresh interpreter is safe there;
macOS's system libraries are not fork-safe) and with more than one core to run
on, so that the worker never slows the main process down.
"""

from __future__ import annotations

import atexit
import importlib
import logging
import os
import pickle
import signal
import sys
from typing import TYPE_CHECKING, BinaryIO, Self

if TYPE_CHECKING:
    from types import TracebackType

__all__ = [
    "ENGINE_MODULES",
    "ENGINE_WARM_UP",
    "PreloadedWorker",
    "start_preloaded_worker",
    "stop_preloaded_worker",
    "take_preloaded_worker",
]

# What a process that checks files imports: the module whose function checks a
# chunk of files, and through it the whole engine (libcst and every rule).
ENGINE_MODULES = ("strictpy.services.chunk_check",)
# What the preloaded worker runs while it waits: one small check, which makes
# the first real one as fast as the next (see ``chunk_check.warm_up``).
ENGINE_WARM_UP = ("strictpy.services.chunk_check", "warm_up")

logger = logging.getLogger(__name__)

# What breaks the pipes when the worker is gone (killed, out of memory) or
# sends something that is not a whole result.
LOST = (EOFError, OSError, pickle.UnpicklingError)


class PreloadedWorker:
    """The worker forked at launch: its process and the pipes to it.

    Attributes:
        pid: The worker's process id.
    """

    __slots__ = ("_jobs", "_results", "pid")

    def __init__(self, pid: int, jobs: BinaryIO, results: BinaryIO) -> None:
        """Hold a started worker.

        Args:
            pid: Its process id.
            jobs: The pipe jobs are written to.
            results: The pipe results are read from.
        """
        self.pid = pid
        self._jobs = jobs
        self._results = results

    def submit(self, module: str, function: str, *arguments: object) -> bool:
        """Hand the worker one call; it runs once the worker's imports are done.

        The function is named, not pickled: pickling it would import its module
        here, which is what the worker is for.

        Args:
            module: The module the function is defined in.
            function: The function's name.
            *arguments: Its arguments, picklable.

        Returns:
            False when the worker is gone.
        """
        try:
            pickle.dump(
                (module, function, arguments), self._jobs, pickle.HIGHEST_PROTOCOL
            )
            self._jobs.flush()
        except LOST:
            return False
        return True

    def result(self) -> tuple[bool, object]:
        """Wait for the result of the call submitted last.

        Returns:
            (True, the value returned) or (False, None) when the worker died
            or its call raised (the worker exits then).
        """
        try:
            return True, pickle.load(self._results)  # noqa: S301 - our own worker's pipe
        except LOST:
            return False, None

    def stop(self) -> None:
        """Kill the worker, wherever it is, and reap it."""
        for stream in (self._jobs, self._results):
            try:
                stream.close()
            except OSError as error:  # a job left unread when the worker died
                logger.debug("the preloaded worker's pipe was broken: %s", error)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            return

    def __enter__(self) -> Self:
        """Use the worker; it is stopped at the end of the block.

        Returns:
            The worker.
        """
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the worker.

        Args:
            kind: The exception's type, if one is leaving the block.
            error: The exception, if any.
            traceback: Its traceback, if any.
        """
        self.stop()


class _Launched:
    """The worker this process started and nobody has taken yet."""

    __slots__ = ("worker",)

    def __init__(self) -> None:
        """Start with no worker."""
        self.worker: PreloadedWorker | None = None


LAUNCHED = _Launched()


def _can_fork() -> bool:
    """Tell whether a preloaded worker may be forked here.

    Returns:
        True on Linux with at least two cores to run on.
    """
    return sys.platform == "linux" and (os.process_cpu_count() or 1) > 1


def _serve(
    jobs_fd: int,
    results_fd: int,
    modules: tuple[str, ...],
    warm_up: tuple[str, str] | None,
) -> None:
    """Import the modules and warm up, then run the calls that arrive.

    Args:
        jobs_fd: The read end of the jobs pipe.
        results_fd: The write end of the results pipe.
        modules: What to import before anything arrives.
        warm_up: (module, function) to call once imported, if any.
    """
    # The main process answers Ctrl-C (and stops this worker); the terminal's
    # streams are not this worker's to write to, or to keep open.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    quiet = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(quiet, stream)
    for module in modules:
        importlib.import_module(module)
    if warm_up is not None:
        getattr(importlib.import_module(warm_up[0]), warm_up[1])()
    with os.fdopen(jobs_fd, "rb") as jobs, os.fdopen(results_fd, "wb") as results:
        while True:
            try:
                module, function, arguments = pickle.load(jobs)  # noqa: S301 - our own parent's pipe
            except EOFError:
                return
            call = getattr(importlib.import_module(module), function)
            pickle.dump(call(*arguments), results, pickle.HIGHEST_PROTOCOL)
            results.flush()


def start_preloaded_worker(
    modules: tuple[str, ...] = ENGINE_MODULES,
    warm_up: tuple[str, str] | None = ENGINE_WARM_UP,
) -> None:
    """Fork the worker, which imports ``modules``, warms up and waits for calls.

    Does nothing where a fork is not safe or would not help (see the module's
    notes), or when a worker was started already. The worker is stopped when
    this process exits, if nobody took it.

    Args:
        modules: What the worker imports first.
        warm_up: (module, function) the worker calls once, before any call.
    """
    if LAUNCHED.worker is not None or not _can_fork():
        return
    jobs_read, jobs_write = os.pipe()
    results_read, results_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        status = 1
        try:
            os.close(jobs_write)
            os.close(results_read)
            _serve(jobs_read, results_write, modules, warm_up)
            status = 0
        finally:
            # Never return into the parent's program, nor run its exit handlers.
            os._exit(status)
    os.close(jobs_read)
    os.close(results_write)
    worker = PreloadedWorker(
        pid, os.fdopen(jobs_write, "wb"), os.fdopen(results_read, "rb")
    )
    LAUNCHED.worker = worker
    atexit.register(worker.stop)


def take_preloaded_worker() -> PreloadedWorker | None:
    """Take the worker started at launch; the taker stops it when done.

    Returns:
        The worker, or None when none was started or it was taken already.
    """
    worker, LAUNCHED.worker = LAUNCHED.worker, None
    return worker


def stop_preloaded_worker() -> None:
    """Stop the worker started at launch unused: the run has other workers."""
    worker = take_preloaded_worker()
    if worker is not None:
        worker.stop()
