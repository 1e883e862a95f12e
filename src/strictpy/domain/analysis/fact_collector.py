"""The fact collector: fills a file's ``FileFacts`` during the shared walk."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.class_fields import class_fields, string_value
from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.route_calls import (
    DOTTED_REFERENCE,
    call_keyword,
    first_positional,
    is_main_guard,
    route_methods,
)
from strictpy.domain.analysis.walker import Visitor, visits
from strictpy.domain.facts import (
    BUILTIN_EXCEPTIONS,
    CallFact,
    ClassFact,
    FileFacts,
    ImportFact,
    RouteFact,
    RouterFact,
    url_drivers,
)

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext
    from strictpy.domain.facts import FieldFact

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
    {
        "add_signal_handler",
        "include_router",
        "register_blueprint",
        "add_api_route",
        "add_url_rule",
    }
)
ROUTE_DECORATORS = frozenset(
    {"get", "route", "api_route", "head", "post", "put", "delete", "patch"}
)
EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt")
LINE_TRACKED_LAYERS = frozenset({"config", "exceptions", "logging", "__main__"})
APP_CONSTRUCTORS = frozenset({"fastapi.FastAPI", "flask.Flask"})
ROUTER_CONSTRUCTORS = frozenset({"fastapi.APIRouter", "flask.Blueprint"})
ROUTE_ADDERS = frozenset({"add_api_route", "add_url_rule"})
ROUTER_INCLUDERS = frozenset({"include_router", "register_blueprint"})
JSON_DUMP_CALLS = frozenset(
    {
        "json.dumps",
        "json.dump",
        "orjson.dumps",
        "ujson.dumps",
        "ujson.dump",
        "simplejson.dumps",
        "rapidjson.dumps",
    }
)
FIELD_LAYERS = frozenset({"config"})


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
        self._fields: dict[
            cst.ClassDef,
            tuple[tuple[FieldFact, ...], tuple[tuple[str, str], ...]],
        ] = {}
        self._json_classes: set[cst.ClassDef] = set()
        self._main_guard: cst.If | None = None
        self._main_calls: list[str] = []
        self._routes: list[tuple[cst.Call, str, str | None, tuple[str, ...]]] = []
        self._routers: list[tuple[cst.Call, str, str, str, str | None]] = []
        self._strings: list[str] = []
        self._drivers: list[str] = []
        self._is_logging = ctx.info.layer == "logging"

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
            base in BUILTIN_EXCEPTIONS
            or (base.startswith("builtins.") and base.endswith(EXCEPTION_SUFFIXES))
            for base in bases
        )
        if wants_line:
            self._ctx.request_position(node)
        if self._ctx.info.layer in FIELD_LAYERS or any(
            base.startswith("pydantic") for base in bases
        ):
            self._fields[node] = class_fields(node, self._ctx.module.code_for_node)
        self._classes.append((node, node.name.value, bases, top_level, keywords))

    @visits(cst.Call)
    def on_call(self, node: cst.Call) -> None:
        """Record calls of project-level interest.

        Args:
            node: The call.
        """
        name = self._qualified(node.func)
        method = name.rsplit(".", 1)[-1]
        if self._main_guard is not None:
            self._note_main_call(name)
        if name in CALLS_OF_INTEREST or method in METHODS_OF_INTEREST:
            self._ctx.request_position(node)
            self._calls.append((node, name, False))
            self._note_router_call(node, name, method)
        elif method in ROUTE_DECORATORS and isinstance(
            self._ctx.ancestors[-1], cst.Decorator
        ):
            self._ctx.request_position(node)
            self._calls.append((node, name, True))
            self._note_route(node, method)
        elif name in JSON_DUMP_CALLS:
            self._note_json_call()

    def _identity(self, node: cst.BaseExpression | None) -> str | None:
        """Return a module-independent name for the object an expression names.

        Imported names resolve to their qualified name (``app.api.health.router``);
        names bound in this file are qualified with the file's module, so both
        sides of an import agree.

        Args:
            node: A name or attribute expression, or None.

        Returns:
            The identity, or None for other expressions.
        """
        if node is None:
            return None
        dotted = dotted_name(node)
        if dotted is None:
            return None
        names = self._ctx.names
        resolved = names.qualified_name(node) if names is not None else None
        if resolved and not resolved.startswith("builtins."):
            return resolved
        module = ".".join(self._ctx.info.module)
        return f"{module}.{dotted}" if module else dotted

    def _assigned_identity(self, node: cst.Call) -> str:
        """Return the identity of the name a call's result is assigned to.

        Args:
            node: The call.

        Returns:
            The target's identity, or the empty string when not assigned.
        """
        parent = self._ctx.ancestors[-1] if self._ctx.ancestors else None
        target: cst.BaseExpression | None = None
        if isinstance(parent, cst.Assign) and parent.value is node:
            target = parent.targets[0].target
        elif isinstance(parent, cst.AnnAssign) and parent.value is node:
            target = parent.target
        return self._identity(target) or ""

    def _note_router_call(self, node: cst.Call, name: str, method: str) -> None:
        """Record an app or router creation, an inclusion or an added route.

        Args:
            node: The call.
            name: The callee's qualified name.
            method: The callee's last name part.
        """
        receiver = node.func.value if isinstance(node.func, cst.Attribute) else None
        if name in APP_CONSTRUCTORS or name in ROUTER_CONSTRUCTORS:
            kind = "app" if name in APP_CONSTRUCTORS else "router"
            prefix = call_keyword(node, "prefix", "url_prefix")
            text = string_value(prefix) if prefix is not None else None
            owner = self._assigned_identity(node)
            self._routers.append((node, kind, owner, text or "", None))
        elif method in ROUTER_INCLUDERS and receiver is not None:
            child = first_positional(node) or call_keyword(node, "router", "blueprint")
            prefix = call_keyword(node, "prefix", "url_prefix")
            text = string_value(prefix) if prefix is not None else None
            owner = self._identity(receiver) or ""
            self._routers.append(
                (node, "include", owner, text or "", self._identity(child))
            )
        elif method in ROUTE_ADDERS and receiver is not None:
            self._note_route(node, method)

    def _note_route(self, node: cst.Call, method: str) -> None:
        """Record a route declared by a decorator or an ``add_*`` call.

        Args:
            node: The decorator call or ``add_api_route``/``add_url_rule`` call.
            method: The decorator's or method's name.
        """
        if not isinstance(node.func, cst.Attribute):
            return
        owner = self._identity(node.func.value) or ""
        path_node = first_positional(node) or call_keyword(node, "path", "rule")
        path = string_value(path_node) if path_node is not None else None
        self._routes.append((node, owner, path, route_methods(method, node)))

    def _note_json_call(self) -> None:
        """Mark the innermost enclosing class as one that emits JSON."""
        for ancestor in reversed(self._ctx.ancestors):
            if isinstance(ancestor, cst.ClassDef):
                self._json_classes.add(ancestor)
                return

    def _note_main_call(self, name: str) -> None:
        """Record a call made in the body of the module's ``__main__`` guard.

        Args:
            name: The callee's name.
        """
        ancestors = self._ctx.ancestors
        guard = self._main_guard
        if (
            guard is not None
            and len(ancestors) > 2  # noqa: PLR2004 - module, if, its body
            and ancestors[1] is guard
            and ancestors[2] is guard.body
        ):
            self._main_calls.append(name)

    @visits(cst.If)
    def on_if(self, node: cst.If) -> None:
        """Notice the module-level ``if __name__ == "__main__":`` block.

        Args:
            node: The ``if`` statement.
        """
        if len(self._ctx.ancestors) == 1 and is_main_guard(node.test):
            self._main_guard = node

    @visits(cst.SimpleString, cst.FormattedStringText)
    def on_string(self, node: cst.SimpleString | cst.FormattedStringText) -> None:
        """Record database URL drivers, and dotted references in ``logging.py``.

        Args:
            node: A string literal or the text part of an f-string.
        """
        self._drivers.extend(url_drivers(node.value))
        if self._is_logging and isinstance(node, cst.SimpleString):
            value = string_value(node)
            if value is not None and DOTTED_REFERENCE.match(value):
                self._strings.append(value)

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
            ClassFact(
                name,
                bases,
                self._ctx.line_of(node),
                top_level,
                keywords,
                *self._fields.get(node, ((), ())),
            )
            for node, name, bases, top_level, keywords in self._classes
        )
        json_formatters = tuple(
            name
            for node, name, bases, _, _ in self._classes
            if node in self._json_classes
            and any(base.endswith("Formatter") for base in bases)
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
            main_calls=tuple(self._main_calls) if self._main_guard else None,
            routes=tuple(
                RouteFact(owner, path, methods, self._ctx.line_of(node))
                for node, owner, path, methods in self._routes
            ),
            routers=tuple(
                RouterFact(kind, owner, prefix, child, self._ctx.line_of(node))
                for node, kind, owner, prefix, child in self._routers
            ),
            json_formatters=json_formatters,
            dotted_strings=tuple(self._strings),
            url_drivers=tuple(dict.fromkeys(self._drivers)),
        )
