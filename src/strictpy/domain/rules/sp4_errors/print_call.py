"""SP404 print-call: calls of ``print`` and ``pprint``, builtin or imported."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name, keyword_argument
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["PRINTERS", "PrintCall"]

CONSOLE_STREAMS = frozenset(
    {"sys.stdout", "sys.stderr", "sys.__stdout__", "sys.__stderr__"}
)
PRINTERS = frozenset(
    {
        "builtins.print",
        "pprint.pprint",
        "pprint.pp",
        "rich.print",
        "rich.pretty.pprint",
    }
)


class PrintCall(FileRule):
    """Flags calls of ``print``, ``pprint.pprint`` and ``rich``'s ``print``.

    Ruleset 7.2: ``print()`` is forbidden; output goes through
    ``logging.getLogger(__name__)`` (JSON logs) or, for a program's own report,
    through an explicit stream object such as a ``rich`` console. Names are
    resolved through imports (``from pprint import pprint as show``), and a
    local that shadows ``print`` (a parameter, a method's ``console.print``) is
    not reported. Like Ruff's T201, ``print(..., file=handle)`` writing to an
    explicit file (not ``sys.stdout``/``sys.stderr``) is file output, not
    console output, and is not reported.
    """

    CODE = "SP404"
    NAME = "print-call"
    MESSAGE = "'{name}' call; use logging instead"
    FIX_HINT = "Log with logging.getLogger(__name__), or write to an explicit stream"
    RULESET_REF = "7.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\n'
            'def greet(name: str) -> None:\n    """Greet.\n\n    Args:\n'
            '        name: Who.\n    """\n    logger.info("hello %s", name)\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef greet(name: str) -> None:\n    """Greet.\n\n'
            '    Args:\n        name: Who.\n    """\n    print("hello", name)\n',
            line=10,
        ),
    )

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report a call of a printing function.

        Args:
            node: The call.
        """
        qualified = callee_name(node, self.ctx.names)
        if qualified not in PRINTERS or self._writes_to_a_file(node):
            return
        self.report(node, name=qualified.removeprefix("builtins."))

    def _writes_to_a_file(self, node: cst.Call) -> bool:
        """Tell whether a ``print`` writes to an explicit file, not the console.

        Args:
            node: The printing call.

        Returns:
            True when ``file=`` names something other than ``None``,
            ``sys.stdout`` or ``sys.stderr``.
        """
        argument = keyword_argument(node, "file")
        if argument is None:
            return False
        value = argument.value
        if isinstance(value, cst.Name) and value.value == "None":
            return False
        names = self.ctx.names
        target = names.qualified_name(value) if names is not None else None
        return target not in CONSOLE_STREAMS
