"""Tests for the worker forked at launch.

Forking happens in a fresh interpreter (``python -c``), never in the test
process, whose threads a fork would copy in whatever state they hold.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import preloaded_worker
from strictpy.adapters.preloaded_worker import (
    start_preloaded_worker,
    take_preloaded_worker,
)
from tests.conftest import run_fresh

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

FORKS = preloaded_worker._can_fork()
needs_fork = pytest.mark.skipif(not FORKS, reason="needs Linux and two cores")

SCRIPT = """
import json, os, sys
from strictpy.adapters.preloaded_worker import (
    start_preloaded_worker, take_preloaded_worker,
)

def loaded(name):
    return name in sys.modules

def pid():
    return os.getpid()

def stream_target(fd):
    return os.readlink(f"/proc/self/fd/{fd}")

def die():
    os._exit(3)

WARMED = []

def warm():
    WARMED.append(os.getpid())

def warmed():
    return WARMED == [os.getpid()]

report = {}
start_preloaded_worker(("colorsys",), warm_up=("__main__", "warm"))
worker = take_preloaded_worker()
report["taken_twice"] = take_preloaded_worker() is not None
report["preloaded"] = [worker.submit("__main__", "loaded", "colorsys"), worker.result()]
report["parent_loaded"] = "colorsys" in sys.modules
report["warmed"] = [worker.submit("__main__", "warmed"), worker.result()]
worker.submit("__main__", "pid")
report["own_process"] = worker.result()[1] == worker.pid != os.getpid()
worker.submit("__main__", "stream_target", 1)
report["stdout"] = worker.result()[1]
report["died"] = [worker.submit("__main__", "die"), worker.result()]
os.waitpid(worker.pid, 0)  # its pipes close as it exits, not all at once
report["after_death"] = worker.submit("__main__", "pid")
worker.stop()
worker.stop()
print(json.dumps(report))
"""

UNUSED = """
from strictpy.adapters.preloaded_worker import start_preloaded_worker, LAUNCHED
start_preloaded_worker(("colorsys",))
print(LAUNCHED.worker.pid)
"""

STOPPED = """
import os, signal
from strictpy.adapters.preloaded_worker import (
    LAUNCHED, start_preloaded_worker, stop_preloaded_worker, take_preloaded_worker,
)
start_preloaded_worker(("colorsys",))
pid = LAUNCHED.worker.pid
stop_preloaded_worker()
stop_preloaded_worker()
try:
    os.kill(pid, 0)
    alive = True
except ProcessLookupError:
    alive = False
print(alive, take_preloaded_worker() is None)
"""


@needs_fork
def test_worker_runs_calls_after_its_imports_and_reports_its_death() -> None:
    """Calls run in the worker, after its preload; a dead worker is reported."""
    report = json.loads(run_fresh(SCRIPT))
    assert report == {
        "taken_twice": False,
        "preloaded": [True, [True, True]],
        "parent_loaded": False,
        "warmed": [True, [True, True]],
        "own_process": True,
        "stdout": os.devnull,
        "died": [True, [False, None]],
        "after_death": False,
    }


@needs_fork
def test_an_unused_worker_is_gone_when_the_process_exits() -> None:
    """Nobody took the worker: it is killed and reaped at exit."""
    pid = int(run_fresh(UNUSED))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@needs_fork
def test_a_worker_stopped_unused_is_gone_at_once() -> None:
    """A run with its own pool stops the worker before it ends."""
    assert run_fresh(STOPPED).split() == ["False", "True"]


def test_nothing_is_forked_where_it_cannot_help(mocker: MockerFixture) -> None:
    """Without Linux and two cores, no worker is started.

    Args:
        mocker: Stands in for the platform check and for ``fork``.
    """
    mocker.patch.object(preloaded_worker, "_can_fork", return_value=False)
    fork = mocker.patch.object(os, "fork")
    start_preloaded_worker()
    fork.assert_not_called()
    assert take_preloaded_worker() is None


@pytest.mark.parametrize(
    ("platform", "cores", "expected"),
    [
        ("linux", 2, True),
        ("linux", 1, False),
        ("linux", None, False),
        ("darwin", 8, False),
    ],
)
def test_fork_needs_linux_and_two_cores(
    mocker: MockerFixture, platform: str, cores: int | None, *, expected: bool
) -> None:
    """The worker is forked only on Linux with at least two usable cores.

    Args:
        mocker: Stands in for the platform and the core count.
        platform: ``sys.platform``.
        cores: ``os.process_cpu_count()``.
        expected: Whether a fork may happen.
    """
    mocker.patch.object(sys, "platform", platform)
    mocker.patch.object(os, "process_cpu_count", return_value=cores)
    assert preloaded_worker._can_fork() is expected
