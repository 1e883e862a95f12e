"""Import-aware name resolution that rides the shared walk.

Rules must see through aliases (``from typing import Optional as Opt``, ``import
typing as t``) and must not mistake a local that shadows an import for the import.
libcst's ``QualifiedNameProvider`` needs its full metadata pipeline (a scope pass
over every node, several times the parse); this tracker keeps a stack of scopes
filled in source order as the walk goes, which is exact for the usual code and
cheap. It follows function, class, lambda and comprehension scopes, ``global``
and ``nonlocal``, and ``match`` captures. Known limit: a name bound later in a
scope than its use is treated as unbound at that use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.walker import Visitor, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.file_info import FileInfo

__all__ = ["NameResolver", "dotted_name"]

SHADOWED = ""


def dotted_name(node: cst.BaseExpression) -> str | None:
    """Return the dotted text of a name or attribute chain.

    Args:
        node: An expression.

    Returns:
        ``a.b.c`` for ``Name``/``Attribute`` chains, else None.
    """
    # Exact type tests: libcst's classes are abstract-based, and ``isinstance``
    # with one that does not match costs several times more (hot paths).
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        base = dotted_name(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def _import_module_name(node: cst.Attribute | cst.Name) -> str:
    """Return the dotted module name of an ``import`` statement's target.

    Args:
        node: The imported module expression.

    Returns:
        The dotted name.
    """
    return dotted_name(node) or ""


class NameResolver(Visitor):
    """Tracks what each name means while the walk goes through a file.

    Bindings map a local name to its qualified name (``typing.Optional``) or to
    the empty string when a local definition shadows any import or builtin.
    """

    def __init__(self, info: FileInfo, ancestors: list[cst.CSTNode]) -> None:
        """Start at module scope.

        Args:
            info: The file's facts (its module name resolves relative imports).
            ancestors: The walk's ancestor list, shared with the context.
        """
        self._info = info
        self._ancestors = ancestors
        self._scopes: list[dict[str, str]] = [{}]
        self._class_scope: list[bool] = [False]
        # Per scope: names declared ``global`` (True) or ``nonlocal`` (False).
        self._declared: list[dict[str, bool]] = [{}]
        # Bumped whenever a binding or scope changes; keys the one-entry cache
        # that lets every rule handling the same node share one resolution.
        self._version = 0
        self._cached: tuple[cst.CSTNode, int, str | None] | None = None

    def _open_scope(self, *, is_class: bool = False) -> None:
        """Open a function, class, lambda or comprehension scope.

        Args:
            is_class: Whether the scope is a class body.
        """
        self._version += 1
        self._scopes.append({})
        self._class_scope.append(is_class)
        self._declared.append({})

    def _bind(self, name: str, qualified: str) -> None:
        """Bind a name in the innermost scope (or where ``global`` sends it).

        Args:
            name: The local name.
            qualified: What it means; the empty string for a local definition.
        """
        self._version += 1
        declared = self._declared[-1].get(name)
        if declared is None:
            self._scopes[-1][name] = qualified
        elif declared:
            self._scopes[0][name] = qualified

    def _bind_target(self, target: cst.BaseExpression) -> None:
        """Bind every plain name of an assignment target as a local.

        Args:
            target: A name, tuple, list or starred target.
        """
        if isinstance(target, cst.Name):
            self._bind(target.value, SHADOWED)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind_target(element.value)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value)

    def resolve_relative(self, level: int, module: str) -> str:
        """Turn a relative import into an absolute module name when possible.

        Args:
            level: The number of leading dots.
            module: The dotted module after the dots (may be empty).

        Returns:
            The absolute module name, or the dotted relative text when the file's
            own module is unknown.
        """
        parts = list(self._info.module)
        package = parts if self._info.is_package else parts[:-1]
        if level - 1 > len(package) or not package:
            return "." * level + module
        base = package[: len(package) - (level - 1)]
        return ".".join([*base, module] if module else base)

    @visits(cst.Import)
    def on_import(self, node: cst.Import) -> None:
        """Bind ``import a.b`` (``a``) and ``import a.b as c`` (``c`` = ``a.b``).

        Args:
            node: The import statement.
        """
        for alias in node.names:
            module = _import_module_name(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._bind(alias.asname.name.value, module)
            else:
                top = module.split(".")[0]
                self._bind(top, top)

    @visits(cst.ImportFrom)
    def on_import_from(self, node: cst.ImportFrom) -> None:
        """Bind ``from m import n as a`` (``a`` = ``m.n``), relative ones resolved.

        Args:
            node: The import statement.
        """
        module = dotted_name(node.module) if node.module is not None else ""
        level = len(node.relative)
        if level:
            module = self.resolve_relative(level, module or "")
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = _import_module_name(alias.name)
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            qualified = f"{module}.{name}" if module else name
            if module.endswith("."):
                qualified = module + name
            self._bind(local, qualified)

    @visits(cst.FunctionDef, cst.ClassDef)
    def on_definition(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        """Bind the definition's name, then open its scope.

        Args:
            node: The function or class.
        """
        self._bind(node.name.value, SHADOWED)
        self._open_scope(is_class=isinstance(node, cst.ClassDef))

    @visits(cst.Lambda)
    def on_lambda(self, node: cst.Lambda) -> None:
        """Open a lambda's scope.

        Args:
            node: The lambda.
        """
        del node
        self._open_scope()

    @visits(cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
    def on_comprehension(
        self, node: cst.ListComp | cst.SetComp | cst.DictComp | cst.GeneratorExp
    ) -> None:
        """Open a comprehension's scope and bind its loop targets up front.

        The element is visited before the ``for`` clauses, yet it sees their
        targets, so every target is bound as the scope opens.

        Args:
            node: The comprehension.
        """
        self._open_scope()
        clause: cst.CompFor | None = node.for_in
        while clause is not None:
            self._bind_target(clause.target)
            clause = clause.inner_for_in

    @leaves(
        cst.FunctionDef,
        cst.ClassDef,
        cst.Lambda,
        cst.ListComp,
        cst.SetComp,
        cst.DictComp,
        cst.GeneratorExp,
    )
    def on_scope_end(self, node: cst.CSTNode) -> None:
        """Close the innermost scope.

        Args:
            node: The function, class, lambda or comprehension being left.
        """
        del node
        self._version += 1
        self._scopes.pop()
        self._class_scope.pop()
        self._declared.pop()

    @visits(cst.Global, cst.Nonlocal)
    def on_declaration(self, node: cst.Global | cst.Nonlocal) -> None:
        """Record ``global``/``nonlocal`` names: they do not bind locally.

        Args:
            node: The declaration.
        """
        if len(self._scopes) == 1:
            return
        self._version += 1
        is_global = isinstance(node, cst.Global)
        for item in node.names:
            self._declared[-1][item.name.value] = is_global
            self._scopes[-1].pop(item.name.value, None)

    @visits(cst.MatchAs, cst.MatchStar, cst.MatchMapping)
    def on_match_capture(
        self, node: cst.MatchAs | cst.MatchStar | cst.MatchMapping
    ) -> None:
        """Bind the names a ``match`` pattern captures (``**rest`` included).

        Args:
            node: The capture pattern.
        """
        captured = node.rest if isinstance(node, cst.MatchMapping) else node.name
        if isinstance(captured, cst.Name):
            self._bind(captured.value, SHADOWED)

    @visits(cst.Param)
    def on_param(self, node: cst.Param) -> None:
        """Bind a parameter as a local of the current function.

        Args:
            node: The parameter.
        """
        self._bind(node.name.value, SHADOWED)

    @visits(cst.AssignTarget)
    def on_assign_target(self, node: cst.AssignTarget) -> None:
        """Bind assigned names as locals.

        Args:
            node: One target of an assignment.
        """
        self._bind_target(node.target)

    @visits(
        cst.AnnAssign,
        cst.AugAssign,
        cst.For,
        cst.NamedExpr,
        cst.ExceptHandler,
        cst.ExceptStarHandler,
    )
    def on_other_binding(
        self,
        node: cst.AnnAssign
        | cst.AugAssign
        | cst.For
        | cst.NamedExpr
        | cst.ExceptHandler
        | cst.ExceptStarHandler,
    ) -> None:
        """Bind the target of annotated, augmented, loop and walrus assignments.

        An ``except E as x`` clause is bound here too, before its body (libcst
        lists the body before the name, so the ``as`` clause comes too late).

        Args:
            node: The binding statement, expression or except clause.
        """
        if isinstance(node, (cst.ExceptHandler, cst.ExceptStarHandler)):
            if node.name is not None and isinstance(node.name.name, cst.Name):
                self._bind_target(node.name.name)
            return
        self._bind_target(node.target)

    @visits(cst.AsName)
    def on_as_name(self, node: cst.AsName) -> None:
        """Bind ``with ... as x`` and ``except E as x`` targets (not import aliases).

        Args:
            node: The ``as`` clause.
        """
        if self._ancestors and isinstance(self._ancestors[-1], cst.ImportAlias):
            return
        if isinstance(node.name, cst.BaseExpression):
            self._bind_target(node.name)

    def lookup(self, name: str) -> str | None:
        """Return what a bare name means at the current point of the walk.

        Args:
            name: The identifier.

        Returns:
            Its qualified name (``builtins.print`` for an unbound name), or None
            when a local definition shadows it.
        """
        innermost = len(self._scopes) - 1
        # A name declared ``global`` skips straight to the module scope.
        first = 0 if self._declared[innermost].get(name) else innermost
        for index in range(first, -1, -1):
            # Class bodies are not visible from the functions nested in them.
            if self._class_scope[index] and index != innermost:
                continue
            scope = self._scopes[index]
            if name in scope:
                return scope[name] or None
        return f"builtins.{name}"

    def qualified_name(self, node: cst.BaseExpression) -> str | None:
        """Return what a name or attribute chain refers to.

        Args:
            node: A ``Name`` or ``Attribute`` expression.

        Returns:
            The qualified name (``typing.List``, ``time.sleep``), or None for
            anything else or a shadowed local.
        """
        cached = self._cached
        if cached is not None and cached[0] is node and cached[1] == self._version:
            return cached[2]
        result = self._resolve(node)
        self._cached = (node, self._version, result)
        return result

    def _resolve(self, node: cst.BaseExpression) -> str | None:
        """Resolve a name or attribute chain without the cache.

        Args:
            node: A ``Name`` or ``Attribute`` expression.

        Returns:
            As for :meth:`qualified_name`.
        """
        # Exact type tests, as in ``dotted_name``.
        if type(node) is cst.Name:
            return self.lookup(node.value)
        if type(node) is cst.Attribute:
            base = self._resolve(node.value)
            return f"{base}.{node.attr.value}" if base else None
        return None
