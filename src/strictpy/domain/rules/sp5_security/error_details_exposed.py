"""SP503 error-details-exposed: exception details or debug mode in HTTP responses."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name, keyword_argument
from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["ErrorDetailsExposed"]

RESPONSE_NAMES = ("jsonify", "make_response", "json_response", "abort")
DEBUG_APPS = frozenset(
    {"fastapi.FastAPI", "starlette.applications.Starlette", "flask.Flask"}
)
STRINGIFIERS = frozenset({"builtins.str", "builtins.repr"})


def _root_name(node: cst.BaseExpression) -> str | None:
    """Return the first name of a name or attribute chain.

    Args:
        node: An expression.

    Returns:
        ``e`` for ``e``, ``e.args`` and ``e.args[0]``... else None.
    """
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


def _is_response_call(node: cst.Call) -> bool:
    """Tell whether a call builds an HTTP response or error.

    Args:
        node: The call.

    Returns:
        True for ``*Response(...)``, ``*HTTPException(...)``, ``jsonify``,
        ``make_response``, ``json_response`` and ``abort``.
    """
    text = dotted_name(node.func)
    if text is None:
        return False
    last = text.rsplit(".", 1)[-1]
    return last.endswith(("Response", "HTTPException")) or last in RESPONSE_NAMES


class ErrorDetailsExposed(FileRule):
    """Flags HTTP responses built from exception details, and debug mode, in ``api/``.

    Ruleset 4.7: never expose stack traces, file paths, internal module names or
    system details in user-facing error messages. In ``<pkg>/api/``, a response
    (``JSONResponse(...)``, ``HTTPException(detail=...)``, ``jsonify(...)``, or a
    value returned from an ``except`` block) built from ``str(e)``, ``repr(e)``,
    an f-string of the caught exception, or ``traceback.format_*()`` leaks
    internals to clients; so does ``debug=True`` on ``FastAPI(...)`` or
    ``app.run(...)``. Log the details and answer with a generic message.
    """

    CODE = "SP503"
    NAME = "error-details-exposed"
    MESSAGE = "{what} is exposed to HTTP clients"
    FIX_HINT = "Log the details and return a generic error message"
    RULESET_REF = "4.7"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom fastapi import HTTPException\n\n\n'
            "def fail(error: ValueError) -> HTTPException:\n"
            '    """Fail.\n\n    Args:\n        error: The cause.\n\n    Returns:\n'
            '        The error.\n    """\n'
            '    return HTTPException(status_code=400, detail="invalid input")\n',
            path="src/app/api/routes.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom fastapi import HTTPException\n\n\n'
            "def load() -> None:\n"
            '    """Load.\n\n    Raises:\n        HTTPException: On failure.\n    """\n'
            "    try:\n        int('x')\n    except ValueError as error:\n"
            "        raise HTTPException(status_code=400, detail=str(error)) from None\n",
            line=15,
            path="src/app/api/routes.py",
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Decide once whether the file is an ``api`` module.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        self._active = ctx.info.layer == "api"
        self._reported: set[int] = set()

    def _caught_names(self) -> set[str]:
        """Return the exception variables of the enclosing ``except`` blocks.

        Returns:
            Names bound by ``except ... as name`` around the current node.
        """
        caught: set[str] = set()
        for ancestor in self.ctx.ancestors:
            if (
                isinstance(ancestor, (cst.ExceptHandler, cst.ExceptStarHandler))
                and ancestor.name is not None
                and isinstance(ancestor.name.name, cst.Name)
            ):
                caught.add(ancestor.name.name.value)
        return caught

    def _expose(self, what: str) -> None:
        """Report the response or ``return`` that carries exposed details.

        Args:
            what: What is exposed, for the message.
        """
        ancestors = self.ctx.ancestors
        for index in range(len(ancestors) - 1, -1, -1):
            node = ancestors[index]
            if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return
            is_response = isinstance(node, cst.Call) and _is_response_call(node)
            if is_response or (
                isinstance(node, cst.Return) and bool(self._caught_names())
            ):
                if id(node) not in self._reported:
                    self._reported.add(id(node))
                    self.report(node, what=what)
                return

    @visits(cst.Call)
    def check_call(self, node: cst.Call) -> None:
        """Find ``str(e)``, ``repr(e)``, ``traceback.format_*()`` and debug mode.

        Args:
            node: The call.
        """
        if not self._active:
            return
        qualified = callee_name(node, self.ctx.names) or ""
        if qualified.startswith("traceback.format"):
            self._expose(f"'{qualified}()'")
            return
        if qualified in STRINGIFIERS and node.args:
            name = _root_name(node.args[0].value)
            if name is not None and name in self._caught_names():
                self._expose(f"'{qualified.removeprefix('builtins.')}({name})'")
                return
        self._check_debug(node, qualified)

    def _check_debug(self, node: cst.Call, qualified: str) -> None:
        """Report ``debug=True`` on an application or its ``run``.

        Args:
            node: The call.
            qualified: The callee's qualified name ("" when unknown).
        """
        argument = keyword_argument(node, "debug")
        if argument is None:
            return
        value = argument.value
        if not (isinstance(value, cst.Name) and value.value == "True"):
            return
        is_run = isinstance(node.func, cst.Attribute) and node.func.attr.value == "run"
        if qualified in DEBUG_APPS or is_run:
            self.report(node, what="'debug=True'")

    @visits(cst.FormattedStringExpression)
    def check_fstring(self, node: cst.FormattedStringExpression) -> None:
        """Find f-string parts that format a caught exception.

        Args:
            node: The f-string's placeholder.
        """
        if not self._active:
            return
        name = _root_name(node.expression)
        if name is not None and name in self._caught_names():
            self._expose(f"An f-string of '{name}'")

    @visits(cst.Arg)
    def check_argument(self, node: cst.Arg) -> None:
        """Find a caught exception passed as is to a response.

        Args:
            node: The argument.
        """
        if not self._active or not isinstance(node.value, cst.Name):
            return
        parent = self.ctx.ancestors[-1]
        if (
            isinstance(parent, cst.Call)
            and _is_response_call(parent)
            and node.value.value in self._caught_names()
        ):
            self._expose(f"'{node.value.value}'")
