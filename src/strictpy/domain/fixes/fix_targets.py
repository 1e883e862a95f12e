"""The locating walk of the Python fixes: what each fixable node means and where.

It rides the engine's read-only walk next to the import-aware
:class:`NameResolver`, so a fix sees names exactly as the rules did: aliases
(``import typing as t``, ``from typing import Optional as Opt``) are followed
and shadowing locals are not mistaken for imports. It records, by node
identity, the qualified ``typing`` name of every use, the parts of quoted
annotations, how often each local name is referenced (an import is removed only
when its last reference was rewritten), which functions return a value or
yield (SP202), and the nodes whose line decides whether a finding was reported
there (a suppressed finding is not fixed).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.walker import Visitor, leaves, visits
from strictpy.domain.fixes.fix_scope import has_comment, needs_parentheses
from strictpy.domain.rules.sp2_typing.legacy_typing import (
    ABC_NAMES,
    GENERIC_ALIASES,
    UNION_NAMES,
)

if TYPE_CHECKING:
    from strictpy.domain.analysis.names import NameResolver

__all__ = [
    "TYPING_NAMES",
    "FixTargets",
    "QuotedAnnotation",
    "is_load_name",
    "load_names",
]

TYPING_NAMES = (
    frozenset(GENERIC_ALIASES) | frozenset(UNION_NAMES) | frozenset(ABC_NAMES)
)
ALL_NAME = "__all__"
# Parents whose Name child is a binding or a label, not a use.
NAME_OWNERS = (
    cst.ImportAlias,
    cst.AsName,
    cst.NameItem,
    cst.FunctionDef,
    cst.ClassDef,
    cst.Param,
    cst.TypeParam,
    cst.TypeVar,
)


def is_load_name(node: cst.Name, parent: cst.CSTNode | None) -> bool:
    """Tell whether a name is a use (a load), rather than a label or binding site.

    Args:
        node: The name.
        parent: Its parent node, if any.

    Returns:
        False for attribute names (``x.List``), keyword names (``f(List=1)``),
        import aliases and definition names; True otherwise.
    """
    if isinstance(parent, cst.Attribute):
        return parent.attr is not node
    if isinstance(parent, cst.Arg):
        return parent.keyword is not node
    return not isinstance(parent, NAME_OWNERS)


def load_names(
    expression: cst.CSTNode,
) -> list[tuple[cst.Name | cst.Attribute, cst.CSTNode | None]]:
    """List the names and attribute chains used in an expression, with parents.

    Args:
        expression: A parsed expression (a quoted annotation's content).

    Returns:
        (node, parent) pairs of every ``Name`` use and every ``Attribute``.
    """
    found: list[tuple[cst.Name | cst.Attribute, cst.CSTNode | None]] = []
    pending: list[tuple[cst.CSTNode, cst.CSTNode | None]] = [(expression, None)]
    while pending:
        node, parent = pending.pop()
        if isinstance(node, cst.Attribute) or (
            isinstance(node, cst.Name) and is_load_name(node, parent)
        ):
            found.append((node, parent))
        pending.extend((child, node) for child in node.children)
    return found


@dataclass(slots=True)
class QuotedAnnotation:
    """A string annotation, parsed, with the meaning of the names inside.

    Attributes:
        expression: The parsed content.
        resolved: ``id`` of a name or attribute inside to its ``typing`` name.
        in_annotation: Always True: strings are located only in annotations.
    """

    expression: cst.BaseExpression
    resolved: dict[int, str] = field(default_factory=dict)
    in_annotation: bool = True


@dataclass(slots=True)
class _Function:
    """What the walk learns about one function body.

    Attributes:
        returns_value: A ``return <expr>`` other than ``None`` is in its own body.
        yields: A ``yield`` is in its own body (it is a generator).
    """

    returns_value: bool = False
    yields: bool = False


class FixTargets(Visitor):
    """Collects, during the shared walk, everything the Python fixes need.

    Attributes:
        resolved: ``id`` of a name or attribute use to its ``typing`` name.
        quoted: ``id`` of a string annotation to its parsed content.
        union_parens: ``id`` of ``Union``/``Optional`` subscripts whose
            replacement needs parentheses (``Optional[int].__args__``).
        in_annotation: ``id`` of subscripts inside an annotation.
        references: Local name to how many times it is used (``__all__``
            entries and quoted annotations included).
        bindings: Local name to what each of its occurrences means (for name
            clashes when a fix introduces a name).
        typing_aliases: ``from typing import X`` aliases with their statement.
        typing_modules: ``import typing [as t]`` aliases with their statement.
        rewritable_imports: ``id`` of ``from typing import`` statements alone on
            their line and without comments (the ones a fix may rebuild).
        imported_modules: Dotted names of every ``import x.y`` statement.
        resolved_names: Local name to how many of its uses are ``typing``
            uses (when equal to ``references``, every use can be rewritten).
        functions: ``id`` of a function to what its body does.
        located: Nodes whose first line decides whether a finding was there.
        collections_binding: What the name ``collections`` means at module end.
    """

    def __init__(self, names: NameResolver, ancestors: list[cst.CSTNode]) -> None:
        """Start an empty collection.

        Args:
            names: The resolver riding the same walk (it must run first).
            ancestors: The walk's ancestor list.
        """
        self._names = names
        self._ancestors = ancestors
        self.resolved: dict[int, str] = {}
        self.quoted: dict[int, QuotedAnnotation] = {}
        self.union_parens: set[int] = set()
        self.in_annotation: set[int] = set()
        self.references: Counter[str] = Counter()
        self.bindings: dict[str, set[str | None]] = {}
        self.typing_aliases: list[tuple[cst.ImportAlias, cst.ImportFrom]] = []
        self.typing_modules: list[tuple[cst.ImportAlias, cst.Import]] = []
        self.rewritable_imports: set[int] = set()
        self.imported_modules: set[str] = set()
        self.resolved_names: Counter[str] = Counter()
        self.functions: dict[int, _Function] = {}
        self.located: list[cst.CSTNode] = []
        self.collections_binding: str | None = None

    def _parent(self) -> cst.CSTNode | None:
        """Return the parent of the node being visited.

        Returns:
            The innermost ancestor, or None at the module.
        """
        return self._ancestors[-1] if self._ancestors else None

    def _in_import(self) -> bool:
        """Tell whether the current node belongs to an import statement.

        Returns:
            True inside ``import``/``from ... import``.
        """
        return any(
            isinstance(node, (cst.Import, cst.ImportFrom)) for node in self._ancestors
        )

    def _in_literal(self) -> bool:
        """Tell whether the current node is an argument of ``Literal``/``Annotated``.

        Their strings are values, not quoted annotations.

        Returns:
            True inside such a subscript.
        """
        return any(
            isinstance(node, cst.Subscript)
            and (dotted_name(node.value) or "").rsplit(".", 1)[-1]
            in {"Literal", "Annotated"}
            for node in self._ancestors
        )

    def _in_annotation(self) -> bool:
        """Tell whether the current node is inside an annotation.

        Returns:
            True below an ``Annotation`` node.
        """
        return any(isinstance(node, cst.Annotation) for node in self._ancestors)

    @visits(cst.ImportFrom)
    def on_import_from(self, node: cst.ImportFrom) -> None:
        """Record the aliases of ``from typing import ...``.

        Args:
            node: The import statement.
        """
        if node.relative or isinstance(node.names, cst.ImportStar):
            return
        if node.module is None or dotted_name(node.module) != "typing":
            return
        line = self._parent()
        if (
            isinstance(line, cst.SimpleStatementLine)
            and len(line.body) == 1
            and not has_comment(node)
        ):
            self.rewritable_imports.add(id(node))
        for alias in node.names:
            self.typing_aliases.append((alias, node))
            self.located.append(alias)

    @visits(cst.Import)
    def on_import(self, node: cst.Import) -> None:
        """Record the aliases of ``import typing`` and ``import typing as t``.

        Args:
            node: The import statement.
        """
        for alias in node.names:
            name = dotted_name(alias.name) or ""
            self.imported_modules.add(name)
            if name == "typing":
                self.typing_modules.append((alias, node))

    @visits(cst.Name)
    def on_name(self, node: cst.Name) -> None:
        """Count a name's use, record its binding, and resolve ``typing`` uses.

        Args:
            node: The name.
        """
        parent = self._parent()
        if self._in_import() or not is_load_name(node, parent):
            return
        qualified = self._names.qualified_name(node)
        self.bindings.setdefault(node.value, set()).add(qualified)
        self.references[node.value] += 1
        if qualified in TYPING_NAMES:
            self.resolved[id(node)] = qualified
            self.resolved_names[node.value] += 1

    @visits(cst.Attribute)
    def on_attribute(self, node: cst.Attribute) -> None:
        """Resolve ``typing.X`` through any module alias.

        Args:
            node: The attribute access.
        """
        if self._in_import():
            return
        qualified = self._names.qualified_name(node)
        if qualified in TYPING_NAMES:
            self.resolved[id(node)] = qualified
            self.located.append(node)

    @visits(cst.Subscript)
    def on_subscript(self, node: cst.Subscript) -> None:
        """Note where a ``Union``/``Optional`` subscript sits.

        Args:
            node: The subscript.
        """
        self.located.append(node)
        if self._in_annotation():
            self.in_annotation.add(id(node))
        if needs_parentheses(self._parent(), node):
            self.union_parens.add(id(node))

    @visits(cst.SimpleString)
    def on_string(self, node: cst.SimpleString) -> None:
        """Parse a quoted annotation, or count an ``__all__`` entry as a reference.

        Args:
            node: The string literal.
        """
        value = node.evaluated_value
        if not isinstance(value, str):
            return
        if self._in_all():
            self.references[value] += 1
            return
        if not self._in_annotation() or self._in_literal():
            return
        try:
            expression = cst.parse_expression(value.strip())
        except (cst.ParserSyntaxError, RecursionError):
            return
        quoted = QuotedAnnotation(expression)
        for inner, parent in load_names(expression):
            if isinstance(inner, cst.Name):
                self.references[inner.value] += 1
            if isinstance(parent, cst.Attribute):
                continue
            qualified = self._names.qualified_name(inner)
            if qualified in TYPING_NAMES:
                quoted.resolved[id(inner)] = qualified
                if isinstance(inner, cst.Name):
                    self.resolved_names[inner.value] += 1
        self.quoted[id(node)] = quoted
        self.located.append(node)

    def _in_all(self) -> bool:
        """Tell whether the current string is an entry of ``__all__ = [...]``.

        Returns:
            True inside the value of an assignment to ``__all__``.
        """
        for node in reversed(self._ancestors):
            if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
                targets = (
                    [target.target for target in node.targets]
                    if isinstance(node, cst.Assign)
                    else [node.target]
                )
                return any(
                    isinstance(target, cst.Name) and target.value == ALL_NAME
                    for target in targets
                )
        return False

    @visits(cst.FunctionDef)
    def on_function(self, node: cst.FunctionDef) -> None:
        """Start recording a function's body.

        Args:
            node: The function.
        """
        self.functions[id(node)] = _Function()
        self.located.append(node)

    def _owner(self) -> _Function | None:
        """Return the record of the function whose own body holds the current node.

        Returns:
            The innermost function's record, or None (module, class or lambda).
        """
        for node in reversed(self._ancestors):
            if isinstance(node, cst.FunctionDef):
                return self.functions.get(id(node))
            if isinstance(node, (cst.Lambda, cst.ClassDef)):
                return None
        return None

    @visits(cst.Return)
    def on_return(self, node: cst.Return) -> None:
        """Note a ``return <value>`` (``return None`` returns nothing).

        Args:
            node: The return statement.
        """
        value = node.value
        if value is None or (isinstance(value, cst.Name) and value.value == "None"):
            return
        owner = self._owner()
        if owner is not None:
            owner.returns_value = True

    @visits(cst.Yield)
    def on_yield(self, node: cst.Yield) -> None:
        """Note that the enclosing function is a generator.

        Args:
            node: The yield expression.
        """
        del node
        owner = self._owner()
        if owner is not None:
            owner.yields = True

    @visits(cst.Pass)
    def on_pass(self, node: cst.Pass) -> None:
        """Locate a ``pass`` statement.

        Args:
            node: The statement.
        """
        self.located.append(node)

    @leaves(cst.Module)
    def on_module_end(self, node: cst.Module) -> None:
        """Note what ``collections`` means at module level once all is bound.

        Args:
            node: The module.
        """
        del node
        self.collections_binding = self._names.lookup("collections")
