"""SP405 logger-not-module-name: ``getLogger()`` without ``__name__``, root-logger calls."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["ROOT_LOGGER_CALLS", "LoggerNotModuleName"]

ROOT_LOGGER_CALLS = frozenset(
    f"logging.{name}"
    for name in (
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
    )
)
GET_LOGGER = "logging.getLogger"


class LoggerNotModuleName(FileRule):
    """Flags ``logging.getLogger`` without ``__name__`` and root-logger calls.

    Ruleset 7.2: use ``logging.getLogger(__name__)`` exclusively. A logger named
    after its module can be configured per package and tells where a record
    came from; ``getLogger()``, a hand-written name, or ``logging.info(...)``
    (which logs to the root logger and may configure it implicitly) lose that.
    ``<pkg>/logging.py``, which sets logging up, is exempt. Aliases
    (``import logging as log``, ``from logging import getLogger``) are followed.
    """

    CODE = "SP405"
    NAME = "logger-not-module-name"
    MESSAGE = "'{call}' does not log through a logger named '__name__'"
    FIX_HINT = "Use logger = logging.getLogger(__name__) and call its methods"
    RULESET_REF = "7.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n'
            'logger.info("ready")\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nimport logging as log\n\nlog.info("ready")\n', line=5
        ),
        Invalid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger("app")\n',
            line=5,
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Decide once whether the file is exempt.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        info = ctx.info
        self._exempt = info.in_package and info.module[1:] == ("logging",)

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report ``getLogger`` without ``__name__`` and root-logger calls.

        Args:
            node: The call.
        """
        if self._exempt:
            return
        qualified = callee_name(node, self.ctx.names)
        if qualified in ROOT_LOGGER_CALLS:
            self.report(node, call=f"{qualified}()")
        elif qualified == GET_LOGGER and not _named_after_module(node):
            self.report(node, call=f"{GET_LOGGER}()")


def _named_after_module(node: cst.Call) -> bool:
    """Tell whether a ``getLogger`` call passes exactly ``__name__``.

    Args:
        node: The ``getLogger`` call.

    Returns:
        True for ``getLogger(__name__)`` and ``getLogger(name=__name__)``.
    """
    if len(node.args) != 1:
        return False
    argument = node.args[0]
    keyword = argument.keyword
    if argument.star or (keyword is not None and keyword.value != "name"):
        return False
    return isinstance(argument.value, cst.Name) and argument.value.value == "__name__"
