"""The single read-only walk that every rule of a file rides.

libcst's own visitor machinery rebuilds nodes as it returns from them, which costs
about four times a plain read of the tree. This walker only reads: it follows each
node's dataclass fields in order, skips whitespace and punctuation (comments come
from ``tokenize`` instead), and calls the handlers that some selected rule or
analysis registered for the node's type. Iterative, so deep trees cannot exhaust
the interpreter's recursion limit.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from typing import TYPE_CHECKING, ClassVar

import libcst as cst

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "Dispatch",
    "Visitor",
    "build_dispatch",
    "child_nodes",
    "leaves",
    "visits",
    "walk",
]

VISIT_MARK = "_strictpy_visits"
LEAVE_MARK = "_strictpy_leaves"

# Whitespace and punctuation carry no meaning for any rule; skipping them halves the
# nodes visited.
TRIVIA_TYPES: frozenset[type[cst.CSTNode]] = frozenset(
    {
        cst.SimpleWhitespace,
        cst.ParenthesizedWhitespace,
        cst.TrailingWhitespace,
        cst.EmptyLine,
        cst.Newline,
        cst.Comment,
        cst.Comma,
        cst.Dot,
        cst.Colon,
        cst.Semicolon,
        cst.AssignEqual,
        cst.LeftParen,
        cst.RightParen,
        cst.LeftSquareBracket,
        cst.RightSquareBracket,
        cst.LeftCurlyBrace,
        cst.RightCurlyBrace,
    }
)
TRIVIA_FIELD_PREFIXES = ("whitespace", "leading_lines", "lines_after", "trailing_")
TRIVIA_FIELD_NAMES = frozenset(
    {"header", "footer", "lpar", "rpar", "comma", "equal", "semicolon", "colon"}
)

type Handler = Callable[[cst.CSTNode], None]
type HandlerTable = dict[type[object], tuple[Handler, ...]]


type HandlerMarker = Callable[..., Callable[[Callable[..., None]], Callable[..., None]]]


def _handler_marker(attribute: str) -> HandlerMarker:
    """Build a decorator factory that records node types on a handler method.

    Args:
        attribute: The attribute the node types are stored under.

    Returns:
        A factory taking node types and returning the method decorator.
    """

    def factory(
        *node_types: type[object],
    ) -> Callable[[Callable[..., None]], Callable[..., None]]:
        """Return the decorator that marks a method for these node types.

        Args:
            *node_types: libcst node classes (or ``CommentToken``) to handle.

        Returns:
            The decorator.
        """

        def mark(method: Callable[..., None]) -> Callable[..., None]:
            """Record the node types on the method.

            Args:
                method: The handler.

            Returns:
                The same method.
            """
            setattr(method, attribute, node_types)
            return method

        return mark

    return factory


# ``@visits(cst.Call)`` runs a method when the walk enters a node of that type,
# ``@leaves(cst.FunctionDef)`` when it leaves one (after the node's children).
visits: HandlerMarker = _handler_marker(VISIT_MARK)
leaves: HandlerMarker = _handler_marker(LEAVE_MARK)


class Visitor:
    """Base of everything that rides the walk: rules and shared analyses.

    Attributes:
        HANDLERS: (node type, method name, is_leave) triples of the class.
    """

    HANDLERS: ClassVar[tuple[tuple[type[object], str, bool], ...]] = ()

    def __init_subclass__(cls) -> None:
        """Gather the methods marked with ``visits``/``leaves`` on the class."""
        super().__init_subclass__()
        found: list[tuple[type[object], str, bool]] = []
        for name in dir(cls):
            member = getattr(cls, name, None)
            found.extend(
                (node_type, name, False)
                for node_type in getattr(member, VISIT_MARK, ())
            )
            found.extend(
                (node_type, name, True) for node_type in getattr(member, LEAVE_MARK, ())
            )
        cls.HANDLERS = tuple(found)


@dataclasses.dataclass(frozen=True, slots=True)
class Dispatch:
    """Handlers by node type, for entering and for leaving a node.

    Attributes:
        enter: Handlers called before a node's children.
        leave: Handlers called after a node's children.
    """

    enter: HandlerTable
    leave: HandlerTable

    def wants(self, node_type: type[object]) -> bool:
        """Tell whether any handler is registered for a type.

        Args:
            node_type: The node or token type.

        Returns:
            True when some visitor handles it.
        """
        return node_type in self.enter or node_type in self.leave


def build_dispatch(visitors: Iterable[Visitor]) -> Dispatch:
    """Bind the handlers of visitors, in order, into lookup tables.

    Args:
        visitors: Analyses first, then rules: analyses must see a node first.

    Returns:
        The dispatch tables.
    """
    enter: defaultdict[type[object], list[Handler]] = defaultdict(list)
    leave: defaultdict[type[object], list[Handler]] = defaultdict(list)
    for visitor in visitors:
        for node_type, name, is_leave in visitor.HANDLERS:
            table = leave if is_leave else enter
            table[node_type].append(getattr(visitor, name))
    # Leaving handlers run innermost-first: analyses must pop their state last.
    return Dispatch(
        {key: tuple(value) for key, value in enter.items()},
        {key: tuple(reversed(value)) for key, value in leave.items()},
    )


def _node_classes() -> frozenset[type[cst.CSTNode]]:
    """Return every libcst node class, walkable ones only (trivia left out).

    ``isinstance(value, cst.CSTNode)`` is an abstract-class check and the walk's
    hottest operation; a set lookup on the exact type is several times faster.

    Returns:
        The node classes.
    """
    found: set[type[cst.CSTNode]] = set()
    pending: list[type[cst.CSTNode]] = [cst.CSTNode]
    while pending:
        current = pending.pop()
        found.add(current)
        pending.extend(current.__subclasses__())
    return frozenset(found - TRIVIA_TYPES)


WALKABLE_TYPES = _node_classes()
SEQUENCE_TYPES = (tuple, list)


@functools.cache
def _child_fields(node_type: type[cst.CSTNode]) -> tuple[str, ...]:
    """Return the fields of a node type that may hold meaningful child nodes.

    Args:
        node_type: A libcst node class.

    Returns:
        Field names in declaration order, trivia fields left out.
    """
    return tuple(
        field.name
        for field in dataclasses.fields(node_type)
        if not field.name.startswith(TRIVIA_FIELD_PREFIXES)
        and field.name not in TRIVIA_FIELD_NAMES
    )


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """Return a node's meaningful children in field order.

    Args:
        node: The parent node.

    Returns:
        The child nodes, trivia left out.
    """
    children: list[cst.CSTNode] = []
    walkable = WALKABLE_TYPES
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        value_type = type(value)
        if value_type in walkable:
            children.append(value)
        elif value_type in SEQUENCE_TYPES:
            children.extend(item for item in value if type(item) in walkable)
    return children


def walk(root: cst.CSTNode, dispatch: Dispatch, ancestors: list[cst.CSTNode]) -> int:
    """Walk a tree once, depth first, calling the registered handlers.

    Args:
        root: The node to start from (usually the module).
        dispatch: Handlers by node type.
        ancestors: A list the walk keeps equal to the current node's ancestors.

    Returns:
        The number of nodes visited.
    """
    enter = dispatch.enter
    leave = dispatch.leave
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    visited = 0
    while stack:
        node, leaving = stack.pop()
        node_type = type(node)
        if leaving:
            ancestors.pop()
            for handler in leave.get(node_type, ()):
                handler(node)
            continue
        visited += 1
        for handler in enter.get(node_type, ()):
            handler(node)
        stack.append((node, True))
        ancestors.append(node)
        children: Sequence[cst.CSTNode] = child_nodes(node)
        stack.extend((child, False) for child in reversed(children))
    return visited
