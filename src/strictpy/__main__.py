"""Entry point of ``strictpy`` and ``python -m strictpy``.

A ``check`` starts its preloaded worker (``adapters.preloaded_worker``) before
anything else is imported, so that the worker's imports of the engine run while
this process imports the command line.
"""

from __future__ import annotations

import importlib
import sys

from strictpy.adapters.preloaded_worker import start_preloaded_worker

__all__ = ["main"]


def main() -> None:
    """Run the command line, a check's worker started first."""
    if "check" in sys.argv[1:]:
        start_preloaded_worker()
    importlib.import_module("strictpy.api.cli").main()


if __name__ == "__main__":
    main()
