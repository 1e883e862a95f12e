"""Pausing Python's cycle collector around work that builds a large, acyclic tree.

A libcst tree is millions of small objects without reference cycles (the engine
breaks the few it makes when a file is done), so reference counting frees it.
While a tree is being built and walked, though, the cycle collector keeps
promoting its nodes and then traverses every long-lived object of the process
again and again: about a tenth of a file's check, for nothing. Pausing it for
one file's work bounds what it could have collected to what that one file made;
the collector resumes, and catches up, as soon as the work ends.

A block may also produce what the process keeps to its end: the results of a
whole run arriving from worker processes. Resuming would leave all of them in
the youngest generation, and the next collections would traverse every one of
them twice on the way to the oldest (a tenth of a second for 90,000 findings),
to find nothing: ``keep_survivors`` freezes them instead, as the command line
does with its imports.
"""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused(*, keep_survivors: bool = False) -> Iterator[None]:
    """Pause the cycle collector for the duration of a block.

    Nesting is safe: the collector resumes only when the outermost block that
    paused it ends, and only if it was running before.

    Args:
        keep_survivors: Freeze every object alive when the block ends (moved
            out of the collector's reach for good), for blocks whose products
            live as long as the process.

    Yields:
        Nothing; the block runs with the collector paused.
    """
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep_survivors:
            gc.freeze()
        if was_running:
            gc.enable()
