"""Pausing Python's cycle collector around work that builds a large, acyclic tree.

A libcst tree is millions of small objects without reference cycles (the engine
breaks the few it makes when a file is done), so reference counting frees it.
While a tree is being built and walked, though, the cycle collector keeps
promoting its nodes and then traverses every long-lived object of the process
again and again: about a tenth of a file's check, for nothing. Pausing it for
one file's work bounds what it could have collected to what that one file made;
the collector resumes, and catches up, as soon as the work ends.
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the duration of a block.

    Nesting is safe: the collector resumes only when the outermost block that
    paused it ends, and only if it was running before.

    Yields:
        Nothing; the block runs with the collector paused.
    """
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_running:
            gc.enable()
