"""Tests for the workers' fork server."""

from __future__ import annotations

import multiprocessing.forkserver
from typing import TYPE_CHECKING

from strictpy.adapters import worker_processes
from strictpy.adapters.worker_processes import (
    WORKER_PRELOAD,
    start_worker_server,
    worker_context,
)

if TYPE_CHECKING:
    from pytest_mock import MockerFixture


def test_workers_fork_from_a_server_that_preloads_the_engine(
    mocker: MockerFixture,
) -> None:
    """The context is the fork server's, told to import the engine first.

    Args:
        mocker: Watches the preload setting.
    """
    preload = mocker.spy(multiprocessing.forkserver, "set_forkserver_preload")
    context = worker_context()
    assert context.get_start_method() == "forkserver"
    preload.assert_called_once_with(list(WORKER_PRELOAD))
    assert WORKER_PRELOAD == ("strictpy.services.chunk_check",)


def test_early_start_launches_the_server_with_the_preload(
    mocker: MockerFixture,
) -> None:
    """Starting early sets the preload before the server is launched.

    Args:
        mocker: Replaces the launch and records the order of calls.
    """
    calls: list[str] = []
    mocker.patch.object(
        worker_processes,
        "worker_context",
        side_effect=lambda: calls.append("preload"),
    )
    mocker.patch.object(
        multiprocessing.forkserver,
        "ensure_running",
        side_effect=lambda: calls.append("launch"),
    )
    start_worker_server()
    assert calls == ["preload", "launch"]
