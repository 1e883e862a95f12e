"""Tests for pausing the cycle collector around one file's work."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

from strictpy.utils.collector import collector_paused

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(autouse=True)
def collector_running() -> Iterator[None]:
    """Start each test with the collector running, and leave it running.

    Yields:
        Nothing.
    """
    gc.enable()
    yield
    gc.enable()


def test_pauses_inside_and_resumes_after() -> None:
    """The collector is off inside the block and back on after it."""
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_blocks_resume_only_at_the_outermost_end() -> None:
    """An inner block ending does not resume a collector the outer one paused."""
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused() -> None:
    """A block never starts a collector that was not running when it began."""
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_resumes_when_the_block_raises() -> None:
    """An exception leaving the block still resumes the collector."""
    with pytest.raises(ValueError, match="invalid literal"), collector_paused():
        int("not a number")
    assert gc.isenabled()


def test_survivors_are_frozen_only_when_asked() -> None:
    """``keep_survivors`` moves what the block left alive out of reach."""
    gc.unfreeze()
    with collector_paused():
        kept = [[index] for index in range(100)]
    assert gc.get_freeze_count() == 0
    with collector_paused(keep_survivors=True):
        kept.append([len(kept)])
    assert gc.get_freeze_count() >= len(kept)
    assert gc.isenabled()
    gc.unfreeze()
