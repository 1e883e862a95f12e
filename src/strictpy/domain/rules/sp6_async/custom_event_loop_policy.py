"""SP603 custom-event-loop-policy: ``asyncio.set_event_loop_policy``, ``uvloop.install``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["POLICY_CALLS", "CustomEventLoopPolicy"]

POLICY_CALLS = frozenset(
    {
        "asyncio.set_event_loop_policy",
        "asyncio.events.set_event_loop_policy",
        "uvloop.install",
    }
)


class CustomEventLoopPolicy(FileRule):
    """Flags code that installs a custom event loop policy.

    Ruleset 6.2.6: do not set custom event loop policies unless explicitly
    required; use Python's default asyncio event loop. A global policy swap
    (``asyncio.set_event_loop_policy(...)``, ``uvloop.install()``) changes
    behaviour for every library in the process and is deprecated in Python
    3.14.
    """

    CODE = "SP603"
    NAME = "custom-event-loop-policy"
    MESSAGE = "'{name}()' sets a custom event loop policy"
    FIX_HINT = "Use asyncio.run() with the default event loop"
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport asyncio\n\n\nasync def main() -> None:\n'
            '    """Run."""\n\n\nasyncio.run(main())\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nimport uvloop\n\nuvloop.install()\n', line=5),
    )

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report a call that installs an event loop policy.

        Args:
            node: The call.
        """
        qualified = callee_name(node, self.ctx.names)
        if qualified in POLICY_CALLS:
            self.report(node, name=qualified)
