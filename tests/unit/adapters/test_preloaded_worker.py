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


HELPERS = """
import json, os, sys, threading, time
from strictpy.adapters.preloaded_worker import (
    start_preloaded_worker, take_preloaded_worker,
)

def loaded(name):
    return name in sys.modules

def gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] in "ZX"
    except FileNotFoundError:
        return True

def start_thread():
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()

def settle(pid):
    for _ in range(2000):
        if gone(pid):
            return True
        time.sleep(0.005)
    return False

report = {}
start_preloaded_worker(("colorsys",), warm_up=None)
worker = take_preloaded_worker()
spares = worker.spare_count
report["too_many"] = worker.fork_helpers(spares + 1) is None
(helper,) = worker.fork_helpers(1)
report["spares_left"] = worker.spare_count
report["helper_pid"] = helper.call("os", "getpid")[1] == helper.pid != worker.pid
report["helper_parent"] = helper.call("os", "getppid")[1] == worker.pid
report["helper_group"] = helper.call("os", "getpgrp")[1] == worker.pid
report["helper_preloaded"] = helper.call("__main__", "loaded", "colorsys")
report["worker_still_serves"] = worker.call("os", "getpid")[1] == worker.pid
worker.release_helpers([helper])
report["released"] = gone(helper.pid)
worker.stop()

start_preloaded_worker(("colorsys",), warm_up=None)
worker = take_preloaded_worker()
(helper,) = worker.fork_helpers(1)
report["busy"] = helper.submit("time", "sleep", 60)
worker.stop()
report["killed_with_worker"] = settle(helper.pid)
helper.stop()

start_preloaded_worker(("colorsys",), warm_up=None)
worker = take_preloaded_worker()
worker.call("__main__", "start_thread")
report["refused_with_a_thread"] = worker.fork_helpers(1) is None
report["channels_closed"] = worker.spare_count
worker.stop()
print(json.dumps(report))
"""


@needs_fork
def test_worker_forks_helpers_that_share_its_imports_and_its_end() -> None:
    """Helpers serve calls with the worker's imports; they end with it."""
    report = json.loads(run_fresh(HELPERS))
    assert report == {
        "too_many": True,
        "spares_left": 0,
        "helper_pid": True,
        "helper_parent": True,
        "helper_group": True,
        "helper_preloaded": [True, True],
        "worker_still_serves": True,
        "released": True,
        "busy": True,
        "killed_with_worker": True,
        "refused_with_a_thread": True,
        "channels_closed": 0,
    }


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
