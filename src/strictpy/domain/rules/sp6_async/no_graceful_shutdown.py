"""SP605 no-graceful-shutdown: ``asyncio.run`` without a SIGTERM/SIGINT handler."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.facts import CallFact
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["NoGracefulShutdown", "registers_signal_handler"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

ASYNC_RUN = "asyncio.run"
SIGNAL_SIGNAL = "signal.signal"
ADD_SIGNAL_HANDLER = "add_signal_handler"
MAIN_OK = '''"""Entry point."""
import asyncio
import signal


async def serve() -> None:
    """Serve until SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()


if __name__ == "__main__":
    asyncio.run(serve())
'''


def registers_signal_handler(call: CallFact) -> bool:
    """Tell whether a call registers a signal handler.

    Args:
        call: A call of interest.

    Returns:
        True for ``signal.signal(...)`` and ``<loop>.add_signal_handler(...)``.
    """
    return call.name == SIGNAL_SIGNAL or call.name.rsplit(".", 1)[-1] == (
        ADD_SIGNAL_HANDLER
    )


class NoGracefulShutdown(ProjectRule):
    """Flags ``asyncio.run(...)`` in ``<pkg>`` when nothing registers a SIGTERM/SIGINT handler.

    Ruleset section 6.2.5: async services must handle ``SIGTERM`` and
    ``SIGINT`` and shut down gracefully, closing connections and flushing
    buffers. Orchestrators stop containers with ``SIGTERM``; without a handler
    the event loop dies mid-request. A handler is ``loop.add_signal_handler``
    or ``signal.signal`` anywhere in the project's non-test code. One finding
    per ``asyncio.run`` call of the package.
    """

    CODE = "SP605"
    NAME = "no-graceful-shutdown"
    MESSAGE = (
        "asyncio.run() starts a service but no SIGTERM/SIGINT handler is registered"
    )
    FIX_HINT = "Register loop.add_signal_handler(SIGTERM/SIGINT) that stops the service"
    RULESET_REF = "6.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PACKAGE_INIT: PACKAGE_DOC, "src/shop/__main__.py": MAIN_OK}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/__main__.py": (
                        '"""Entry point."""\nimport asyncio\n\n'
                        "from shop.api.server import serve\n\n"
                        'if __name__ == "__main__":\n    asyncio.run(serve())\n'
                    ),
                }
            ),
            path="src/shop/__main__.py",
            line=7,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each ``asyncio.run`` of the package when no handler exists.

        Args:
            ctx: The project.

        Yields:
            One finding per ``asyncio.run`` call.
        """
        if any(
            registers_signal_handler(call)
            for facts in ctx.code_facts
            for call in facts.calls
        ):
            return
        for facts in ctx.package_facts:
            for call in facts.calls:
                if call.name == ASYNC_RUN:
                    yield self.finding(ctx, facts.path, call.line)
