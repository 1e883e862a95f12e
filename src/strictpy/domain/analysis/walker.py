"""The single read-only walk that every rule of a file rides.

libcst's own visitor machinery rebuilds nodes as it returns from them, which costs
about four times a plain read of the tree. This walker only reads: it follows each
node's dataclass fields in order, skips whitespace and punctuation (comments come
from ``tokenize`` instead), and calls the handlers that some selected rule or
analysis registered for the node's type. Iterative, so deep trees cannot exhaust
the interpreter's recursion limit.

A node's children are read by a small function generated per node type the first
time the type is met: its field annotations tell which fields always hold one
node, which may be empty (``None`` or ``MaybeSentinel.DEFAULT``), which hold a
sequence of nodes and which never hold a walkable node, so no field is looked up
by name and no value's type is tested when the annotation already answers.
Fields whose annotation mixes these cases are tested value by value.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import functools
import types
import typing
from collections import defaultdict
from typing import TYPE_CHECKING, ClassVar

import libcst as cst
from libcst import MaybeSentinel

from strictpy.utils.classes import subclasses_of

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
    return frozenset({cst.CSTNode, *subclasses_of(cst.CSTNode)} - TRIVIA_TYPES)


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


class Shape(enum.Enum):
    """What a child field can hold, read from its annotation.

    Attributes:
        SKIP: Never a walkable node (text, flags, trivia).
        NODE: Always exactly one walkable node.
        OPTIONAL: A walkable node, or ``None``/``MaybeSentinel.DEFAULT``.
        SEQUENCE: A sequence whose items are all walkable nodes.
        ANY: Anything else: checked value by value, as the generic walk does.
    """

    SKIP = "skip"
    NODE = "node"
    OPTIONAL = "optional"
    SEQUENCE = "sequence"
    ANY = "any"


# Field types that hold no node at all.
PLAIN_VALUE_TYPES: frozenset[object] = frozenset({str, bool, int, float})

# The values an optional field holds when it is empty.
ABSENT_TYPES: frozenset[object] = frozenset({type(None), MaybeSentinel})

type FieldPlan = tuple[tuple[str, Shape], ...]
type ChildrenOf = Callable[[cst.CSTNode], Sequence[cst.CSTNode]]


@functools.cache
def _class_shape(cls: type[object]) -> Shape:
    """Tell whether instances of a class are always, never or maybe walkable.

    Args:
        cls: A class named in a field annotation.

    Returns:
        NODE when every node class deriving from it is walkable, SKIP when it is
        trivia or holds no node, ANY otherwise.
    """
    if cls in PLAIN_VALUE_TYPES:
        return Shape.SKIP
    if cst.CSTNode not in cls.__mro__:
        return Shape.ANY
    # ``__mro__`` rather than ``issubclass``: node classes are ABCs, whose
    # subclass checks cost a quarter of a second over all of them.
    family = [
        node_type
        for node_type in WALKABLE_TYPES | TRIVIA_TYPES
        if cls in node_type.__mro__
    ]
    if all(node_type in WALKABLE_TYPES for node_type in family):
        return Shape.NODE
    if all(node_type in TRIVIA_TYPES for node_type in family):
        return Shape.SKIP
    return Shape.ANY


def _union_members(annotation: object) -> list[object]:
    """Flatten a (possibly nested) union annotation into its members.

    Args:
        annotation: A resolved type annotation.

    Returns:
        The members, or the annotation itself when it is no union.
    """
    if typing.get_origin(annotation) in {typing.Union, types.UnionType}:
        return [
            member
            for argument in typing.get_args(annotation)
            for member in _union_members(argument)
        ]
    return [annotation]


def _member_shape(member: object) -> Shape:
    """Return the shape of one union member of a field annotation.

    Args:
        member: A resolved annotation without a top-level union.

    Returns:
        The member's shape.
    """
    origin = typing.get_origin(member)
    if origin is typing.Literal:
        return Shape.SKIP
    if origin is collections.abc.Sequence:
        items = {
            _member_shape(item)
            for argument in typing.get_args(member)
            for item in _union_members(argument)
        }
        if items == {Shape.NODE}:
            return Shape.SEQUENCE
        return Shape.SKIP if items == {Shape.SKIP} else Shape.ANY
    if isinstance(member, type):
        return _class_shape(member)
    return Shape.ANY


def _field_shape(annotation: object) -> Shape:
    """Classify a child field by its annotation.

    Args:
        annotation: The field's resolved annotation.

    Returns:
        The field's shape.
    """
    members = _union_members(annotation)
    shapes = {_member_shape(member) for member in members if member not in ABSENT_TYPES}
    shapes.discard(Shape.SKIP)
    optional = any(member in ABSENT_TYPES for member in members)
    if not shapes:
        return Shape.SKIP
    if shapes == {Shape.NODE}:
        return Shape.OPTIONAL if optional else Shape.NODE
    if shapes == {Shape.SEQUENCE} and not optional:
        return Shape.SEQUENCE
    return Shape.ANY


def _field_plan(node_type: type[object]) -> FieldPlan:
    """Return the child fields of a node type with their shapes, in field order.

    A field whose annotation cannot be resolved is ANY: the generated code then
    checks its value exactly as a generic walk would.

    Args:
        node_type: A node class.

    Returns:
        (field name, shape) for every field that may hold a walkable node.
    """
    if cst.CSTNode not in node_type.__mro__ or not dataclasses.is_dataclass(node_type):
        return ()
    try:
        hints = typing.get_type_hints(node_type)
    except (NameError, TypeError, AttributeError):
        # Unresolved names stay strings or forward references: shape ANY.
        hints = {field.name: field.type for field in dataclasses.fields(node_type)}
    shapes = (
        (name, _field_shape(hints[name]) if name in hints else Shape.ANY)
        for name in _child_fields(node_type)
    )
    return tuple((name, shape) for name, shape in shapes if shape is not Shape.SKIP)


def _children_source(plan: FieldPlan, *, reverse: bool) -> str:
    """Write the body of a children function for one node type.

    Args:
        plan: The type's child fields.
        reverse: True for the walk's order (last child first, ready to push on
            a stack), False for field order.

    Returns:
        The source of a ``children(node)`` function.
    """
    if all(shape in {Shape.NODE, Shape.SEQUENCE} for _, shape in plan):
        if reverse and len(plan) == 1 and plan[0][1] is Shape.SEQUENCE:
            return f"def children(node):\n    return node.{plan[0][0]}[::-1]\n"
        ordered = reversed(plan) if reverse else plan
        items = ", ".join(
            f"node.{name}"
            if shape is Shape.NODE
            else f"*node.{name}{'[::-1]' if reverse else ''}"
            for name, shape in ordered
        )
        return f"def children(node):\n    return [{items}]\n"
    # Fields before the first conditional one go into the list display.
    leading = 0
    while plan[leading][1] in {Shape.NODE, Shape.SEQUENCE}:
        leading += 1
    display = ", ".join(
        f"node.{name}" if shape is Shape.NODE else f"*node.{name}"
        for name, shape in plan[:leading]
    )
    lines = ["def children(node):", f"    out = [{display}]"]
    for name, shape in plan[leading:]:
        if shape is Shape.NODE:
            lines.append(f"    out.append(node.{name})")
        elif shape is Shape.SEQUENCE:
            lines.append(f"    out += node.{name}")
        elif shape is Shape.OPTIONAL:
            lines += [
                f"    value = node.{name}",
                "    if type(value) in WALKABLE:",
                "        out.append(value)",
            ]
        else:
            lines += [
                f"    value = node.{name}",
                "    if type(value) in WALKABLE:",
                "        out.append(value)",
                "    elif type(value) in SEQUENCES:",
                "        out += [item for item in value if type(item) in WALKABLE]",
            ]
    if reverse:
        lines.append("    out.reverse()")
    lines.append("    return out")
    return "\n".join(lines) + "\n"


def _compile_children(plan: FieldPlan, *, reverse: bool) -> ChildrenOf | None:
    """Compile the children function of a node type.

    Args:
        plan: The type's child fields.
        reverse: True for the walk's order, False for field order.

    Returns:
        The function, or None when the type never has children.
    """
    if not plan:
        return None
    namespace: dict[str, object] = {
        "WALKABLE": WALKABLE_TYPES,
        "SEQUENCES": SEQUENCE_TYPES,
    }
    # Generated code reads each field with one attribute access and knows from
    # the annotation whether to test it, which no generic loop can match. The
    # source is built only from dataclass field names.
    exec(_children_source(plan, reverse=reverse), namespace)  # noqa: S102 - see above
    return typing.cast("ChildrenOf", namespace["children"])


type ChildrenTable = dict[type[object], ChildrenOf | None]


@functools.cache
def _children_tables() -> tuple[ChildrenTable, ChildrenTable]:
    """Return this process's memo of children functions by node type.

    A type's functions are compiled the first time the type is met (a file uses
    a hundred-odd of libcst's node types) and never change afterwards. Plain
    dicts, because a dict subscript is the cheapest lookup the walk can make per
    node.

    Returns:
        The field-order table (for ``child_nodes``) and the reversed table (the
        walk's stack wants the last child first).
    """
    return {}, {}


def _learn(node_type: type[object]) -> tuple[ChildrenOf | None, ChildrenOf | None]:
    """Compile and memoise the children functions of a node type.

    Args:
        node_type: The type of a node being walked.

    Returns:
        The field-order and the reversed children functions.
    """
    plan = _field_plan(node_type)
    forward = _compile_children(plan, reverse=False)
    backward = _compile_children(plan, reverse=True)
    forward_table, backward_table = _children_tables()
    forward_table[node_type] = forward
    backward_table[node_type] = backward
    return forward, backward


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """Return a node's meaningful children in field order.

    Args:
        node: The parent node.

    Returns:
        The child nodes, trivia left out (a new list).
    """
    node_type = type(node)
    try:
        children_of = _children_tables()[0][node_type]
    except KeyError:
        children_of = _learn(node_type)[0]
    if children_of is None:
        return []
    return typing.cast("list[cst.CSTNode]", children_of(node))


# Pushed on the walk's stack after a node's children: popping it means the node
# on top of ``ancestors`` is left.
LEAVE_MARKER = object()


def walk(root: cst.CSTNode, dispatch: Dispatch, ancestors: list[cst.CSTNode]) -> int:
    """Walk a tree once, depth first, calling the registered handlers.

    The stack holds nodes still to enter and a marker per entered node with
    children; the node itself waits on ``ancestors``, so leaving is a pop there.
    A node without children is left right after it is entered.

    Args:
        root: The node to start from (usually the module).
        dispatch: Handlers by node type.
        ancestors: A list the walk keeps equal to the current node's ancestors.

    Returns:
        The number of nodes visited.
    """
    enter = dispatch.enter
    leave = dispatch.leave
    backward = _children_tables()[1]
    stack: list[object] = [root]
    pop = stack.pop
    push = stack.append
    extend = stack.extend
    ancestors_push = ancestors.append
    ancestors_pop = ancestors.pop
    leave_marker = LEAVE_MARKER
    visited = 0
    while True:
        try:
            node = pop()
        except IndexError:
            return visited
        if node is leave_marker:
            node = ancestors_pop()
            handlers = leave.get(type(node))
            if handlers is not None:
                for handler in handlers:
                    handler(node)
            continue
        visited += 1
        node_type = type(node)
        handlers = enter.get(node_type)
        if handlers is not None:
            for handler in handlers:
                handler(node)
        try:
            children_of = backward[node_type]
        except KeyError:
            children_of = _learn(node_type)[1]
        if children_of is not None:
            push(leave_marker)
            ancestors_push(node)
            extend(children_of(node))
            continue
        handlers = leave.get(node_type)
        if handlers is not None:
            for handler in handlers:
                handler(node)
