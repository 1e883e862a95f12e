"""SP601 blocking-call-in-async: blocking I/O called in the body of an ``async def``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import AsyncBodyTracker, callee_name, is_awaited
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["BLOCKING_CALLS", "BlockingCallInAsync"]

BLOCKING_CALLS = frozenset(
    {
        "time.sleep",
        "urllib.request.urlopen",
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
        "os.system",
        "builtins.open",
        "io.open",
        "builtins.input",
        "socket.create_connection",
    }
)
BLOCKING_MODULES = ("requests.",)
PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"})
# File methods that always block; ``open`` only counts on a ``Path(...)``.
PATH_IO_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes"})
PATH_ONLY_METHODS = frozenset({"open"})


class BlockingCallInAsync(AsyncBodyTracker, FileRule):
    """Flags blocking I/O called directly in the body of an ``async def``.

    Ruleset 6.2.1: never mix blocking calls in async code; wrap them with
    ``asyncio.to_thread()``. ``time.sleep``, ``requests.*``, ``urlopen``,
    ``subprocess``, ``os.system``, ``open()``, ``input()``,
    ``socket.create_connection`` and ``Path`` file I/O stall the event loop and
    every other task with it. Only the ``async def``'s own body counts: nested
    ``def``s and lambdas run elsewhere, and a function passed uncalled
    (``asyncio.to_thread(time.sleep, 1)``) is not a call. Aliases are followed
    and shadowing locals are not reported. ``read_text``/``write_text``/
    ``read_bytes``/``write_bytes`` calls on any object are reported unless
    awaited (an async path library).
    """

    CODE = "SP601"
    NAME = "blocking-call-in-async"
    MESSAGE = "Blocking call '{name}' inside 'async def {function}'"
    FIX_HINT = "Await an async equivalent, or wrap the call in asyncio.to_thread()"
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport asyncio\nimport time\n\n\n'
            'async def pause() -> None:\n    """Pause."""\n'
            "    await asyncio.to_thread(time.sleep, 1)\n"
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom time import sleep as nap\n\n\n'
            'async def pause() -> None:\n    """Pause."""\n    nap(1)\n',
            line=8,
        ),
    )

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report a blocking call in an ``async def``'s own body.

        Args:
            node: The call.
        """
        ancestors = self.ctx.ancestors
        if not self.in_async_body:
            return
        name = self._blocking_name(node)
        if name is None:
            return
        function = next(
            ancestor
            for ancestor in reversed(ancestors)
            if isinstance(ancestor, cst.FunctionDef)
        )
        self.report(node, name=name, function=function.name.value)

    def _blocking_name(self, node: cst.Call) -> str | None:
        """Return the name of the blocking operation a call performs, if any.

        Args:
            node: The call.

        Returns:
            The qualified name or method, or None for a harmless call.
        """
        qualified = callee_name(node, self.ctx.names)
        if qualified is not None:
            if qualified in BLOCKING_CALLS or qualified.startswith(BLOCKING_MODULES):
                return qualified.removeprefix("builtins.")
            return None
        func = node.func
        if not isinstance(func, cst.Attribute):
            return None
        method = func.attr.value
        receiver = func.value
        if (
            isinstance(receiver, cst.Call)
            and callee_name(receiver, self.ctx.names) in PATH_CLASSES
            and method in PATH_IO_METHODS | PATH_ONLY_METHODS
        ):
            return f"Path(...).{method}"
        if method in PATH_IO_METHODS and not is_awaited(self.ctx.ancestors):
            return f".{method}()"
        return None
