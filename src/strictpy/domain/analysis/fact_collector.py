"""The fact collector: fills a file's ``FileFacts`` during the shared walk."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.walker import Visitor, visits
from strictpy.domain.facts import CallFact, ClassFact, FileFacts, ImportFact

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["CALLS_OF_INTEREST", "FactCollector"]

CALLS_OF_INTEREST = frozenset(
    {
        "asyncio.run",
        "signal.signal",
        "logging.config.dictConfig",
        "fastapi.FastAPI",
        "fastapi.APIRouter",
        "flask.Flask",
        "flask.Blueprint",
    }
)
METHODS_OF_INTEREST = frozenset(
    {"add_signal_handler", "include_router", "register_blueprint", "add_api_route"}
)
ROUTE_DECORATORS = frozenset(
    {"get", "route", "api_route", "head", "post", "put", "delete", "patch"}
)
EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt")
LINE_TRACKED_LAYERS = frozenset({"config", "exceptions", "logging", "__main__"})


def _is_type_checking_guard(node: cst.CSTNode) -> bool:
    """Tell whether a node is ``if TYPE_CHECKING:`` (any spelling).

    Args:
        node: An ancestor node.

    Returns:
        True for a ``TYPE_CHECKING`` guard.
    """
    if not isinstance(node, cst.If):
        return False
    name = dotted_name(node.test)
    return name is not None and name.split(".")[-1] == "TYPE_CHECKING"


def _literal_text(node: cst.BaseExpression) -> str | None:
    """Return the value of a plain string literal.

    Args:
        node: An expression.

    Returns:
        The literal's value, or None for anything else.
    """
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


class FactCollector(Visitor):
    """Collects imports, classes, calls and top-level names of one file."""

    def __init__(self, ctx: FileContext) -> None:
        """Bind the collector to the file's context.

        Args:
            ctx: The per-file context (for names, ancestors and positions).
        """
        self._ctx = ctx
        self._imports: list[ImportFact] = []
        self._classes: list[
            tuple[cst.ClassDef, str, tuple[str, ...], bool, tuple[tuple[str, str], ...]]
        ] = []
        self._calls: list[tuple[cst.Call, str, bool]] = []
        self._top_level: list[str] = []

    def _in_type_checking(self) -> bool:
        """Tell whether the walk is inside an ``if TYPE_CHECKING:`` block.

        Returns:
            True inside such a block.
        """
        return any(_is_type_checking_guard(node) for node in self._ctx.ancestors)

    def _qualified(self, node: cst.BaseExpression) -> str:
        """Return an expression's qualified name, or its dotted text.

        Args:
            node: A name or attribute expression.

        Returns:
            The best name available, or the empty string.
        """
        names = self._ctx.names
        resolved = names.qualified_name(node) if names is not None else None
        return resolved or dotted_name(node) or ""

    @visits(cst.Import)
    def on_import(self, node: cst.Import) -> None:
        """Record ``import a.b``.

        Args:
            node: The import statement.
        """
        guarded = self._in_type_checking()
        for alias in node.names:
            module = dotted_name(alias.name) or ""
            self._imports.append(ImportFact(module, None, guarded))

    @visits(cst.ImportFrom)
    def on_import_from(self, node: cst.ImportFrom) -> None:
        """Record ``from a import b`` with relative modules made absolute.

        Args:
            node: The import statement.
        """
        guarded = self._in_type_checking()
        module = dotted_name(node.module) if node.module is not None else ""
        if node.relative and self._ctx.names is not None:
            module = self._ctx.names.resolve_relative(len(node.relative), module or "")
        if isinstance(node.names, cst.ImportStar):
            self._imports.append(ImportFact(module or "", "*", guarded))
            return
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            self._imports.append(ImportFact(module or "", name, guarded))

    @visits(cst.ClassDef)
    def on_class(self, node: cst.ClassDef) -> None:
        """Record a class with its bases and keywords.

        Args:
            node: The class definition.
        """
        bases = tuple(self._qualified(arg.value) for arg in node.bases)
        keywords = tuple(
            (arg.keyword.value, self._ctx.module.code_for_node(arg.value))
            for arg in node.keywords
            if arg.keyword is not None
        )
        top_level = len(self._ctx.ancestors) == 1
        wants_line = self._ctx.info.layer in LINE_TRACKED_LAYERS or any(
            base.startswith("builtins.") and base.endswith(EXCEPTION_SUFFIXES)
            for base in bases
        )
        if wants_line:
            self._ctx.request_position(node)
        self._classes.append((node, node.name.value, bases, top_level, keywords))

    @visits(cst.Call)
    def on_call(self, node: cst.Call) -> None:
        """Record calls of project-level interest.

        Args:
            node: The call.
        """
        name = self._qualified(node.func)
        method = name.rsplit(".", 1)[-1]
        if name in CALLS_OF_INTEREST or method in METHODS_OF_INTEREST:
            self._ctx.request_position(node)
            self._calls.append((node, name, False))
        elif method in ROUTE_DECORATORS and isinstance(
            self._ctx.ancestors[-1], cst.Decorator
        ):
            self._ctx.request_position(node)
            self._calls.append((node, name, True))

    @visits(cst.SimpleStatementLine, cst.FunctionDef, cst.ClassDef)
    def on_top_level(self, node: cst.CSTNode) -> None:
        """Record names bound by module-level statements.

        Args:
            node: A statement.
        """
        if len(self._ctx.ancestors) != 1:
            return
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            self._top_level.append(node.name.value)
            return
        if not isinstance(node, cst.SimpleStatementLine):
            return
        for statement in node.body:
            if isinstance(statement, cst.Assign):
                self._top_level.extend(
                    target.target.value
                    for target in statement.targets
                    if isinstance(target.target, cst.Name)
                )
            elif isinstance(statement, cst.AnnAssign) and isinstance(
                statement.target, cst.Name
            ):
                self._top_level.append(statement.target.value)

    def _call_fact(self, node: cst.Call, name: str) -> CallFact:
        """Turn a recorded call into a fact with its line.

        Args:
            node: The call node.
            name: The callee's qualified name.

        Returns:
            The fact.
        """
        args = tuple(
            _literal_text(arg.value) for arg in node.args if arg.keyword is None
        )
        keywords = tuple(
            (arg.keyword.value, self._ctx.module.code_for_node(arg.value))
            for arg in node.args
            if arg.keyword is not None
        )
        return CallFact(name, self._ctx.line_of(node), args, keywords)

    def facts(self) -> FileFacts:
        """Return the collected facts (after positions were resolved).

        Returns:
            The file's facts.
        """
        classes = tuple(
            ClassFact(name, bases, self._ctx.line_of(node), top_level, keywords)
            for node, name, bases, top_level, keywords in self._classes
        )
        calls = tuple(
            self._call_fact(node, name) for node, name, deco in self._calls if not deco
        )
        decorators = tuple(
            self._call_fact(node, name) for node, name, deco in self._calls if deco
        )
        return FileFacts(
            path=self._ctx.info.path,
            imports=tuple(self._imports),
            classes=classes,
            calls=calls,
            top_level_names=tuple(self._top_level),
            decorators=decorators,
            line_count=self._ctx.line_count,
        )
