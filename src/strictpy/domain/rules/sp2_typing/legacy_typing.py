"""Shared detection for SP203-SP205: legacy ``typing`` names, also inside quoted annotations."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.walker import child_nodes
from strictpy.domain.file_rule import FileRule, leaves, visits

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.analysis.context import FileContext

__all__ = [
    "ABC_NAMES",
    "GENERIC_ALIASES",
    "UNION_NAMES",
    "LegacyTypingRule",
    "quoted_annotation_nodes",
]

IMPORT_NODES: frozenset[type[cst.CSTNode]] = frozenset(
    {cst.ImportFrom, cst.ImportAlias, cst.Import}
)

GENERIC_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "typing.List": "list",
        "typing.Dict": "dict",
        "typing.Set": "set",
        "typing.FrozenSet": "frozenset",
        "typing.Tuple": "tuple",
        "typing.Type": "type",
        "typing.Deque": "collections.deque",
        "typing.DefaultDict": "collections.defaultdict",
        "typing.OrderedDict": "collections.OrderedDict",
        "typing.Counter": "collections.Counter",
        "typing.ChainMap": "collections.ChainMap",
    }
)
UNION_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {"typing.Union": "X | Y", "typing.Optional": "X | None"}
)
ABC_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {
        f"typing.{name}": f"collections.abc.{name}"
        for name in (
            "AsyncGenerator",
            "AsyncIterable",
            "AsyncIterator",
            "Awaitable",
            "ByteString",
            "Callable",
            "Collection",
            "Container",
            "Coroutine",
            "Generator",
            "Hashable",
            "ItemsView",
            "Iterable",
            "Iterator",
            "KeysView",
            "Mapping",
            "MappingView",
            "MutableMapping",
            "MutableSequence",
            "MutableSet",
            "Reversible",
            "Sequence",
            "Sized",
            "ValuesView",
        )
    }
    | {"typing.AbstractSet": "collections.abc.Set"}
)


def quoted_annotation_nodes(node: cst.SimpleString) -> Iterator[cst.CSTNode]:
    """Parse a quoted annotation and yield every node of the expression inside.

    Args:
        node: A string literal used as an annotation.

    Yields:
        The nodes of the parsed expression; nothing when it does not parse.
    """
    value = node.evaluated_value
    if not isinstance(value, str):
        return
    try:
        expression = cst.parse_expression(value.strip())
    except (cst.ParserSyntaxError, RecursionError):
        return
    pending: list[cst.CSTNode] = [expression]
    while pending:
        current = pending.pop()
        yield current
        pending.extend(child_nodes(current))


class LegacyTypingRule(FileRule):
    """Base of the rules that flag legacy ``typing`` names (no code of its own).

    Subclasses set ``NAMES`` (qualified name to replacement) and say whether
    they report imports and attribute uses, or subscripted uses.

    Attributes:
        NAMES: Qualified ``typing`` names to their modern replacement.
        REPORT_SUBSCRIPTS: Report ``Name[...]`` uses instead of imports.
    """

    NAMES: ClassVar[MappingProxyType[str, str]] = MappingProxyType({})
    REPORT_SUBSCRIPTS: ClassVar[bool] = False
    NEEDS_NAMES = True

    def __init__(self, ctx: FileContext) -> None:
        """Bind the rule to the file and start outside any annotation.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        self._annotation_depth = 0

    @visits(cst.Annotation)
    def enter_annotation(self, node: cst.Annotation) -> None:
        """Count an annotation being entered (quoted strings inside are types).

        Args:
            node: The annotation.
        """
        del node
        self._annotation_depth += 1

    @leaves(cst.Annotation)
    def leave_annotation(self, node: cst.Annotation) -> None:
        """Count an annotation being left.

        Args:
            node: The annotation.
        """
        del node
        self._annotation_depth -= 1

    def _flag(self, reported: cst.CSTNode, qualified: str | None) -> None:
        """Report a node when its qualified name is one of ours.

        Args:
            reported: The node to report at.
            qualified: What the node refers to.
        """
        if qualified in self.NAMES:
            short = qualified.removeprefix("typing.")
            self.report(reported, name=short, replacement=self.NAMES[qualified])

    @visits(cst.ImportFrom)
    def check_import(self, node: cst.ImportFrom) -> None:
        """Report ``from typing import <name>``.

        Args:
            node: The import statement.
        """
        if (
            self.REPORT_SUBSCRIPTS
            or node.relative
            or isinstance(node.names, cst.ImportStar)
        ):
            return
        if node.module is None or dotted_name(node.module) != "typing":
            return
        for alias in node.names:
            self._flag(alias, f"typing.{dotted_name(alias.name)}")

    @visits(cst.Attribute)
    def check_attribute(self, node: cst.Attribute) -> None:
        """Report ``typing.<name>`` through any import alias.

        Args:
            node: The attribute access.
        """
        if self.REPORT_SUBSCRIPTS or self.ctx.names is None:
            return
        # An exact type test: these are leaf classes, and ``isinstance`` on
        # libcst's abstract classes is slow on a handler run for every attribute.
        if type(self.ctx.ancestors[-1]) in IMPORT_NODES:
            return
        self._flag(node, self.ctx.names.qualified_name(node))

    @visits(cst.Subscript)
    def check_subscript(self, node: cst.Subscript) -> None:
        """Report ``<name>[...]`` for subscript-based rules.

        Args:
            node: The subscript.
        """
        if self.REPORT_SUBSCRIPTS and self.ctx.names is not None:
            self._flag(node, self.ctx.names.qualified_name(node.value))

    @visits(cst.SimpleString)
    def check_quoted(self, node: cst.SimpleString) -> None:
        """Report our names used inside a quoted annotation, at the string.

        Args:
            node: A string literal.
        """
        names = self.ctx.names
        if names is None or not self._annotation_depth:
            return
        for inner in quoted_annotation_nodes(node):
            if self.REPORT_SUBSCRIPTS and isinstance(inner, cst.Subscript):
                qualified = names.qualified_name(inner.value)
            elif not self.REPORT_SUBSCRIPTS and isinstance(
                inner, (cst.Name, cst.Attribute)
            ):
                qualified = names.qualified_name(inner)
            else:
                continue
            if qualified in self.NAMES:
                self._flag(node, qualified)
                return
