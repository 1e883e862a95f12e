"""A worker process forked at launch, importing the engine while the command starts.

A run that checks a few files (one edited since the last run, say) would spend
most of its time importing libcst and the rules before parsing anything. Forked
before the command line's own imports, this worker imports the engine on
another core while the main process parses its options and finds out whether
the last report can be replayed; the main process then hands it the files to
check and, meanwhile, prepares the project pass. A run that replays stops it
unused; so does the process's exit.

A run with many files to check makes it the first of its pool: the worker forks
helpers, which start with the engine imported, instead of a new interpreter
importing it again before the pool's first file (a third of a second here).
Their channels are pipes made at launch, one per other core (the helpers
inherit their ends through the worker). The worker leads its own process group
with its helpers, so one signal stops them all; on a normal end the helpers are
let go (their pipes closed) and the worker reaps them before it is stopped.

Written by hand: ``multiprocessing`` starts a process only when a pool or a
``Process`` is made, after the command line's imports, and its own imports
would cost the runs that replay. This is one ``fork`` before any import, pipes
and pickle. Only on Linux (``fork`` of a fresh interpreter is safe there;
macOS's system libraries are not fork-safe) and with more than one core to run
on, so that the worker never slows the main process down. The worker forks
helpers only while it runs no thread of its own (a fork would not carry it).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import logging
import os
import pickle
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, BinaryIO, Self

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import TracebackType

__all__ = [
    "ENGINE_MODULES",
    "ENGINE_WARM_UP",
    "PreloadedWorker",
    "can_lead_pool",
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
# Channels made at launch for helpers, at most: a pool larger than this many
# plus one starts its workers from a fork server instead (pipes for every core
# of a large machine would cost each run that replays).
MAX_HELPERS = 15

# How long helpers let go get to exit before they are killed, and how often
# they are looked at meanwhile (an idle helper exits within a millisecond).
REAP_SECONDS = 2.0
REAP_POLL_SECONDS = 0.001

logger = logging.getLogger(__name__)

# What breaks the pipes when the worker is gone (killed, out of memory) or
# sends something that is not a whole result.
LOST = (EOFError, OSError, pickle.UnpicklingError)

# A spare channel as this process holds it: (jobs write end, results read end).
type Channel = tuple[int, int]


class PreloadedWorker:
    """The worker forked at launch, or one of its helpers: its process and pipes.

    Attributes:
        pid: The worker's process id.
    """

    __slots__ = ("_jobs", "_leader", "_results", "_spares", "_stopped", "pid")

    def __init__(
        self,
        pid: int,
        jobs: BinaryIO,
        results: BinaryIO,
        spares: tuple[Channel, ...] = (),
        *,
        leader: bool = True,
    ) -> None:
        """Hold a started worker.

        Args:
            pid: Its process id.
            jobs: The pipe jobs are written to.
            results: The pipe results are read from.
            spares: The channels its helpers would use, if it forks them.
            leader: Whether it is this process's child and leads its own
                process group (a helper is the worker's child, in its group).
        """
        self.pid = pid
        self._jobs = jobs
        self._results = results
        self._spares = spares
        self._leader = leader
        self._stopped = False

    @property
    def spare_count(self) -> int:
        """How many helpers the worker can fork."""
        return len(self._spares)

    def fileno(self) -> int:
        """Return the results pipe's descriptor, to wait on several workers.

        Returns:
            The descriptor.
        """
        return self._results.fileno()

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

    def call(
        self, module: str, function: str, *arguments: object
    ) -> tuple[bool, object]:
        """Run one call in the worker and wait for its result.

        Args:
            module: The module the function is defined in.
            function: The function's name.
            *arguments: Its arguments, picklable.

        Returns:
            What ``result`` returns.
        """
        if not self.submit(module, function, *arguments):
            return False, None
        return self.result()

    def fork_helpers(self, count: int) -> list[PreloadedWorker] | None:
        """Have the worker fork helpers, which start with the engine imported.

        Each helper serves calls as the worker does, over a channel made at
        launch; the channels no helper took are closed.

        Args:
            count: How many helpers (at most ``spare_count``).

        Returns:
            The helpers, or None when the worker did not fork them (it is gone,
            or runs a thread of its own).
        """
        if not 0 < count <= len(self._spares):
            return None
        done, pids = self.call(__name__, "_fork_helpers", count)
        taken, self._spares = self._spares[:count], self._spares[count:]
        self._close_spares()
        if not done or not isinstance(pids, list) or len(pids) != count:
            _close_channels(taken)
            return None
        return [
            PreloadedWorker(
                pid, os.fdopen(jobs, "wb"), os.fdopen(results, "rb"), leader=False
            )
            for pid, (jobs, results) in zip(pids, taken, strict=True)
        ]

    def release_helpers(self, helpers: list[PreloadedWorker]) -> None:
        """Let idle helpers exit, and have the worker reap them.

        Reaped by the worker, the process whose children they are, and the
        worker by this process, their resource use is counted as this
        process's children's (peak memory included).

        Args:
            helpers: Helpers this worker forked, none of them busy.
        """
        for helper in helpers:
            helper.stop()  # their jobs pipe closes: they exit
        self.call(__name__, "_reap_helpers")

    def _close_spares(self) -> None:
        """Close the spare channels no helper took."""
        _close_channels(self._spares)
        self._spares = ()

    def stop(self) -> None:
        """Stop the worker, wherever it is: close its pipes, kill and reap it.

        A leader is killed with its process group (its helpers with it); a
        helper is only let go here: its pipes closed, it exits when idle, and
        stopping the worker that forked it kills it if it is not.
        """
        if self._stopped:
            return
        self._stopped = True
        self._close_spares()
        for stream in (self._jobs, self._results):
            try:
                stream.close()
            except OSError as error:  # a job left unread when the worker died
                logger.debug("the preloaded worker's pipe was broken: %s", error)
        if not self._leader:
            return
        # Still this process's child, alive or not yet reaped: neither its pid
        # nor its group's id can belong to another process yet.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except OSError:  # not yet its group's leader: the worker alone
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
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


def _close_channels(channels: Sequence[Channel]) -> None:
    """Close both descriptors of each channel.

    Args:
        channels: The channels.
    """
    for first, second in channels:
        os.close(first)
        os.close(second)


class _WorkerSide:
    """In the worker: its own channel's ends, the spare ones, its helpers."""

    __slots__ = ("helpers", "own", "spares")

    def __init__(self) -> None:
        """Start with none."""
        # (jobs read end, results write end) of its own and per spare channel.
        self.own: Channel = (-1, -1)
        self.spares: list[Channel] = []
        self.helpers: list[int] = []


WORKER_SIDE = _WorkerSide()


def _fork_helpers(count: int) -> list[int] | None:
    """Fork helpers from this worker (run in the worker, on request).

    Args:
        count: How many helpers.

    Returns:
        Their process ids, or None when a thread runs besides this one (the
        helpers would inherit its state but not the thread).
    """
    if threading.active_count() > 1 or count > len(WORKER_SIDE.spares):
        return None
    taken, spares = WORKER_SIDE.spares[:count], WORKER_SIDE.spares
    for index, channel in enumerate(taken):
        others = [WORKER_SIDE.own, *spares[:index], *spares[index + 1 :]]
        WORKER_SIDE.helpers.append(_fork_serving(channel, others, (), (), None))
    _close_channels(spares)
    WORKER_SIDE.spares = []
    return list(WORKER_SIDE.helpers)


def _reap_helpers() -> int:
    """Wait for this worker's helpers to exit (run in the worker, on request).

    Returns:
        How many were reaped.
    """
    deadline = time.monotonic() + REAP_SECONDS
    reaped = sum(_reap(pid, deadline) for pid in WORKER_SIDE.helpers)
    WORKER_SIDE.helpers = []
    return reaped


def _reap(pid: int, deadline: float) -> bool:
    """Wait for one helper to exit; kill it once the deadline has passed.

    Killing it is safe: it is this worker's child, not yet reaped, so its pid
    is still its own.

    Args:
        pid: The helper's process id.
        deadline: The ``time.monotonic()`` after which it is killed.

    Returns:
        False when it was reaped already (or is no child of this process).
    """
    try:
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                break
            time.sleep(REAP_POLL_SECONDS)
    except ChildProcessError:
        return False
    return True


class _Launched:
    """The worker this process started and nobody has taken yet."""

    __slots__ = ("worker",)

    def __init__(self) -> None:
        """Start with no worker."""
        self.worker: PreloadedWorker | None = None


LAUNCHED = _Launched()


def _cores() -> int:
    """Return how many cores this process may run on.

    Returns:
        The count, at least 1.
    """
    return os.process_cpu_count() or 1


def _can_fork() -> bool:
    """Tell whether a preloaded worker may be forked here.

    Returns:
        True on Linux with at least two cores to run on.
    """
    return sys.platform == "linux" and _cores() > 1


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


def _fork_serving(  # noqa: PLR0913 - what the served process is made of
    channel: Channel,
    closing: list[Channel],
    spares: list[Channel],
    modules: tuple[str, ...],
    warm_up: tuple[str, str] | None,
    *,
    own_group: bool = False,
) -> int:
    """Fork a process that serves calls over a channel (see ``_serve``).

    Args:
        channel: The child's ends: jobs read, results write.
        closing: Descriptors the child must not hold (other processes' ends),
            or a pipe would never report its writer gone.
        spares: The channels the child may fork helpers over.
        modules: What the child imports first.
        warm_up: (module, function) the child calls once imported, if any.
        own_group: Whether the child leads a process group of its own.

    Returns:
        The child's process id (in the parent; the child never returns).
    """
    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        if own_group:
            os.setpgid(0, 0)
        _close_channels(closing)
        WORKER_SIDE.own, WORKER_SIDE.spares, WORKER_SIDE.helpers = channel, spares, []
        _serve(*channel, modules, warm_up)
        status = 0
    finally:
        # Never return into the parent's program, nor run its exit handlers.
        os._exit(status)


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
    # The worker's own channel, then one per possible helper: the worker's ends
    # (jobs read, results write) and this process's (jobs write, results read).
    pipes = [
        (*os.pipe(), *os.pipe()) for _ in range(1 + min(_cores() - 1, MAX_HELPERS))
    ]
    worker_ends = [(fds[0], fds[3]) for fds in pipes]
    own_ends = [(fds[1], fds[2]) for fds in pipes]
    pid = _fork_serving(
        worker_ends[0], own_ends, worker_ends[1:], modules, warm_up, own_group=True
    )
    try:
        os.setpgid(pid, pid)  # as the worker does: whichever runs first
    except OSError as error:
        logger.debug("the preloaded worker's group was not set here: %s", error)
    _close_channels(worker_ends)
    (jobs, results), *spares = own_ends
    worker = PreloadedWorker(
        pid, os.fdopen(jobs, "wb"), os.fdopen(results, "rb"), tuple(spares)
    )
    LAUNCHED.worker = worker
    atexit.register(worker.stop)


def can_lead_pool(workers: int) -> bool:
    """Tell whether the worker started at launch can make a pool of this size.

    Args:
        workers: The pool's size, the worker included.

    Returns:
        True when it is there, untaken, with a channel for each helper.
    """
    worker = LAUNCHED.worker
    return worker is not None and 0 < workers - 1 <= worker.spare_count


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
