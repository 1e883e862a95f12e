"""SP410 sensitive-data-logged: a logging call whose arguments name a secret."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name
from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, leaves, visits
from strictpy.domain.rules.sp4_errors.logger_not_module_name import ROOT_LOGGER_CALLS
from strictpy.domain.secret_names import is_secret_name

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["LOG_METHODS", "SensitiveDataLogged", "is_logging_call"]

LOG_METHODS = frozenset(
    {
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
    }
)
LOGGER_FACTORIES = ("getLogger", "get_logger")
# A value passed through a function whose name says it hides the secret is masked.
MASKING_WORDS = ("mask", "redact", "hash", "obfuscat", "censor", "anonymi", "sha")


def is_logging_call(node: cst.Call, qualified: str | None) -> bool:
    """Tell whether a call logs: ``logging.info(...)`` or ``<logger>.info(...)``.

    Args:
        node: The call.
        qualified: The callee's qualified name, when known.

    Returns:
        True for root-logger functions and level methods on a logger-like
        receiver (a name containing ``log``, or a ``getLogger(...)`` call).
    """
    if qualified in ROOT_LOGGER_CALLS:
        return True
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in LOG_METHODS:
        return False
    receiver = func.value
    if isinstance(receiver, cst.Call):
        text = dotted_name(receiver.func) or ""
        return text.endswith(LOGGER_FACTORIES)
    text = dotted_name(receiver)
    return text is not None and "log" in text.rsplit(".", 1)[-1].lower()


def _is_masking(node: cst.Call) -> bool:
    """Tell whether a call's name says it masks what it is given.

    Args:
        node: A call inside a logging call's arguments.

    Returns:
        True for ``mask(token)``, ``redact(...)``, ``hash_secret(...)``...
    """
    text = (dotted_name(node.func) or "").rsplit(".", 1)[-1].lower()
    return any(word in text for word in MASKING_WORDS)


class SensitiveDataLogged(FileRule):
    """Flags a logging call whose arguments reference a secret-like name.

    Ruleset 7.2: never log passwords, tokens, API keys or PII; mask them
    explicitly. A name, attribute, keyword or subscript key such as
    ``user.password``, ``api_key``, ``token=...`` or ``env["DB_PASSWORD"]`` in
    the arguments (f-string parts included) of ``logging.*`` or of a logger's
    level methods puts the secret in the logs. Values passed through a masking
    function (``mask(token)``, ``redact(...)``) are accepted; the words of the
    message text itself are not names and do not count.
    """

    CODE = "SP410"
    NAME = "sensitive-data-logged"
    MESSAGE = "Logging call references secret-like name '{name}'"
    FIX_HINT = "Leave the secret out of the log record, or mask it explicitly"
    RULESET_REF = "7.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\n'
            'def login(user: str, password: str) -> None:\n    """Log in.\n\n    Args:\n'
            '        user: Who.\n        password: The secret.\n    """\n'
            '    logger.info("login for %s", user)\n    del password\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nimport logging\n\nlogger = logging.getLogger(__name__)\n\n\n'
            'def login(user: str, password: str) -> None:\n    """Log in.\n\n    Args:\n'
            '        user: Who.\n        password: The secret.\n    """\n'
            '    logger.info(f"login {user} with {password}")\n',
            line=15,
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Start outside any logging call.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        self._open: list[cst.Call] = []
        self._in_arguments = 0
        self._masked = 0
        self._reported: set[int] = set()

    @visits(cst.Call)
    def enter_call(self, node: cst.Call) -> None:
        """Open a logging call, or a masking call inside one's arguments.

        Args:
            node: The call.
        """
        if self._in_arguments and _is_masking(node):
            self._masked += 1
        elif is_logging_call(node, callee_name(node, self.ctx.names)):
            self._open.append(node)

    @leaves(cst.Call)
    def leave_call(self, node: cst.Call) -> None:
        """Close what ``enter_call`` opened.

        Args:
            node: The call.
        """
        if self._open and self._open[-1] is node:
            self._open.pop()
        elif self._in_arguments and _is_masking(node):
            self._masked -= 1

    def _is_logged_argument(self) -> bool:
        """Tell whether the argument being visited belongs to the open logging call.

        Returns:
            True when its call is the logging call being visited.
        """
        return bool(self._open) and self.ctx.ancestors[-1] is self._open[-1]

    @visits(cst.Arg)
    def enter_argument(self, node: cst.Arg) -> None:
        """Count entering a logging call's argument; check its keyword.

        Args:
            node: The argument.
        """
        if not self._is_logged_argument():
            return
        self._in_arguments += 1
        if node.keyword is not None and is_secret_name(node.keyword.value):
            self._flag(node.keyword.value)

    @leaves(cst.Arg)
    def leave_argument(self, node: cst.Arg) -> None:
        """Count leaving a logging call's argument.

        Args:
            node: The argument.
        """
        del node
        if self._is_logged_argument():
            self._in_arguments -= 1

    @visits(cst.Name)
    def check_name(self, node: cst.Name) -> None:
        """Report a secret-like name or attribute inside a logging call.

        Args:
            node: The name (a variable, or an attribute's last part).
        """
        if self._in_arguments and not self._masked and is_secret_name(node.value):
            self._flag(node.value)

    @visits(cst.SimpleString)
    def check_key(self, node: cst.SimpleString) -> None:
        """Report a secret-like subscript key (``env["API_KEY"]``) in a logging call.

        Args:
            node: A string literal.
        """
        if not self._in_arguments or self._masked:
            return
        if not isinstance(self.ctx.ancestors[-1], cst.Index):
            return
        value = node.evaluated_value
        if isinstance(value, str) and is_secret_name(value):
            self._flag(value)

    def _flag(self, name: str) -> None:
        """Report the innermost logging call once.

        Args:
            name: The secret-like name found in it.
        """
        call = self._open[-1]
        if id(call) not in self._reported:
            self._reported.add(id(call))
            self.report(call, name=name)
