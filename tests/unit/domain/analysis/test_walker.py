"""Tests for the shared read-only walk and handler dispatch."""

from __future__ import annotations

import dataclasses
import sys

import libcst as cst
import pytest

from strictpy.domain.analysis.walker import (
    TRIVIA_FIELD_NAMES,
    TRIVIA_FIELD_PREFIXES,
    WALKABLE_TYPES,
    Dispatch,
    Visitor,
    build_dispatch,
    child_nodes,
    leaves,
    visits,
    walk,
)


class Recorder(Visitor):
    """Records the order of enter and leave events."""

    def __init__(self) -> None:
        """Start with no events."""
        self.events: list[str] = []
        self.depths: list[int] = []
        self.ancestors: list[cst.CSTNode] = []

    @visits(cst.FunctionDef)
    def enter_function(self, node: cst.FunctionDef) -> None:
        """Record entering a function.

        Args:
            node: The function.
        """
        self.events.append(f"enter {node.name.value}")
        self.depths.append(len(self.ancestors))

    @leaves(cst.FunctionDef)
    def leave_function(self, node: cst.FunctionDef) -> None:
        """Record leaving a function.

        Args:
            node: The function.
        """
        self.events.append(f"leave {node.name.value}")


def test_walk_calls_handlers_in_depth_first_order() -> None:
    """Nested functions are entered after and left before their parent."""
    module = cst.parse_module("def outer():\n    def inner():\n        return 1\n")
    recorder = Recorder()
    count = walk(module, build_dispatch([recorder]), recorder.ancestors)
    assert recorder.events == [
        "enter outer",
        "enter inner",
        "leave inner",
        "leave outer",
    ]
    assert recorder.depths[0] < recorder.depths[1]
    assert recorder.ancestors == []
    assert count > 0


def test_child_nodes_skip_trivia() -> None:
    """Whitespace, comments and punctuation are not walked."""
    module = cst.parse_module("x = (1,  2)  # note\n")
    seen: list[type[cst.CSTNode]] = []
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        seen.append(type(node))
        pending.extend(child_nodes(node))
    assert cst.Integer in seen
    assert cst.Comment not in seen
    assert cst.Comma not in seen
    assert cst.SimpleWhitespace not in seen


def test_dispatch_reports_wanted_types() -> None:
    """``wants`` tells which node types have handlers."""
    dispatch = build_dispatch([Recorder()])
    assert dispatch.wants(cst.FunctionDef)
    assert not dispatch.wants(cst.ClassDef)


def test_deep_nesting_does_not_exhaust_recursion() -> None:
    """The walk is iterative: a deeply nested tree is walked completely."""
    depth = 300
    module = cst.parse_module("x = " + "[" * depth + "]" * depth + "\n")
    recorder = Recorder()
    assert walk(module, build_dispatch([recorder]), recorder.ancestors) > depth


type Event = tuple[str, int, str, tuple[int, ...]]

TRICKY_SOURCES = (
    # Decorators, nested functions and classes, defaults, annotations, returns.
    "@first\n@second.attr(1, key=2)\ndef outer(a: int, /, b=1, *args, c, **kw) -> None:\n"
    "    class Inner(Base, metaclass=Meta):\n"
    "        def method(self): return [y for y in self if y]\n"
    "    async def helper[T](): await other()\n"
    "    return lambda q=1: q\n",
    # Comprehensions of every kind, nested and async.
    "a = [x for x in y if x for z in x]\nb = {k: v for k, v in items}\n"
    "c = {s async for s in t}\nd = (g for g in (h for h in i))\n",
    # f-strings with nested fields, conversions and format specs.
    'msg = f"{a!r:>{width}} and {b=} {c:{d}.{e}f}" "plain" f"{f}"\n',
    # Match statements with every pattern kind.
    "match p:\n"
    '    case {"k": [1, *rest], **others} | Point(x=0, y=_) as q if q: pass\n'
    "    case [a, (b | c), *_]: pass\n"
    "    case None | True | -1 | 1 + 2j | str(): pass\n",
    # One-line suites, semicolons, try/except/else/finally, with, while-else.
    "if a: b; c\nelif d: e\nelse: f\nwhile g: h\nelse: i\n"
    "try: j\nexcept (K, L) as m: n\nelse: o\nfinally: p\n"
    "with q as r, s: t\nfor u in v: w\n",
    # Imports, star imports, globals, slices, walrus, starred calls.
    "from . import a as b, c\nfrom .d import *\nimport e.f as g\nglobal h\n"
    "x = y[1:2, ::3][...]\nif (z := w(*p, **k)): del q[0]\n",
)


TRICKY_IDS = ("functions", "comprehensions", "fstrings", "match", "suites", "imports")


def _reference_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """Return a node's meaningful children the slow, generic way.

    Args:
        node: The parent node.

    Returns:
        The walkable values of the non-trivia fields, in field order.
    """
    children: list[cst.CSTNode] = []
    for field in dataclasses.fields(node):
        name = field.name
        if name.startswith(TRIVIA_FIELD_PREFIXES) or name in TRIVIA_FIELD_NAMES:
            continue
        value = getattr(node, name)
        values = value if isinstance(value, tuple | list) else (value,)
        children.extend(item for item in values if type(item) in WALKABLE_TYPES)
    return children


def _reference_events(
    node: cst.CSTNode, path: list[cst.CSTNode], events: list[Event]
) -> None:
    """Record the events a correct walk produces, recursively (small trees only).

    Args:
        node: The node to walk.
        path: The node's ancestors, outermost first.
        events: Where the events go.
    """
    ancestry = tuple(map(id, path))
    events.append(("enter", id(node), type(node).__name__, ancestry))
    path.append(node)
    for child in _reference_children(node):
        _reference_events(child, path, events)
    path.pop()
    events.append(("leave", id(node), type(node).__name__, ancestry))


def _recording_dispatch(events: list[Event], ancestors: list[cst.CSTNode]) -> Dispatch:
    """Build a dispatch recording an event for every walkable node type.

    Args:
        events: Where the events go.
        ancestors: The list the walk keeps, read at each handler call.

    Returns:
        The dispatch.
    """

    def on_enter(node: cst.CSTNode) -> None:
        """Record entering a node.

        Args:
            node: The node.
        """
        ancestry = tuple(map(id, ancestors))
        events.append(("enter", id(node), type(node).__name__, ancestry))

    def on_leave(node: cst.CSTNode) -> None:
        """Record leaving a node.

        Args:
            node: The node.
        """
        ancestry = tuple(map(id, ancestors))
        events.append(("leave", id(node), type(node).__name__, ancestry))

    return Dispatch(
        dict.fromkeys(WALKABLE_TYPES, (on_enter,)),
        dict.fromkeys(WALKABLE_TYPES, (on_leave,)),
    )


def _walk_events(root: cst.CSTNode) -> tuple[int, list[Event]]:
    """Walk a tree recording every event.

    Args:
        root: The tree.

    Returns:
        The visit count and the events.
    """
    events: list[Event] = []
    ancestors: list[cst.CSTNode] = []
    count = walk(root, _recording_dispatch(events, ancestors), ancestors)
    assert ancestors == []
    return count, events


@pytest.mark.parametrize("source", TRICKY_SOURCES, ids=TRICKY_IDS)
def test_walk_matches_reference_events_and_ancestors(source: str) -> None:
    """Every enter/leave event, in order and with its ancestors, is the reference's.

    Args:
        source: A module exercising unusual node shapes.
    """
    module = cst.parse_module(source)
    expected: list[Event] = []
    _reference_events(module, [], expected)
    count, events = _walk_events(module)
    assert events == expected
    assert count == len(expected) // 2


def test_walk_visits_function_fields_in_declaration_order() -> None:
    """A function's name, parameters and body come before its decorators."""
    module = cst.parse_module("@deco\ndef f(a):\n    class C: pass\n")
    _, events = _walk_events(module)
    entered = [kind for event, _, kind, _ in events if event == "enter"]
    assert entered[1:] == [
        "FunctionDef",
        "Name",
        "Parameters",
        "Param",
        "Name",
        "IndentedBlock",
        "ClassDef",
        "Name",
        "SimpleStatementSuite",
        "Pass",
        "Decorator",
        "Name",
    ]


def test_leaf_is_left_right_after_it_is_entered() -> None:
    """A node without children is left before anything else is entered."""
    module = cst.parse_module("x\n")
    _, events = _walk_events(module)
    name_events = [
        (event, ancestry) for event, _, kind, ancestry in events if kind == "Name"
    ]
    assert [event for event, _ in name_events] == ["enter", "leave"]
    assert name_events[0][1] == name_events[1][1]
    position = next(i for i, event in enumerate(events) if event[2] == "Name")
    assert events[position + 1][:3] == ("leave", events[position][1], "Name")


def test_error_in_last_leave_handler_propagates() -> None:
    """An IndexError raised by a handler is not mistaken for the walk's end."""

    def fail(node: cst.CSTNode) -> None:
        """Raise as a buggy rule would.

        Args:
            node: The node left.

        Raises:
            IndexError: Always.
        """
        raise IndexError(type(node).__name__)

    module = cst.parse_module("x = 1\n")
    with pytest.raises(IndexError, match="Module"):
        walk(module, Dispatch({}, {cst.Module: (fail,)}), [])


def _attribute_chain(length: int) -> cst.Module:
    """Build ``a.b.b...b`` with ``length`` attributes, without the parser.

    Args:
        length: How many ``.b`` follow ``a``.

    Returns:
        A module holding the expression.
    """
    expression: cst.BaseExpression = cst.Name("a")
    for _ in range(length):
        expression = cst.Attribute(value=expression, attr=cst.Name("b"))
    return cst.Module(body=[cst.SimpleStatementLine(body=[cst.Expr(expression)])])


class DepthRecorder(Visitor):
    """Counts names and attributes, checking the ancestors at each."""

    def __init__(self) -> None:
        """Start with nothing seen."""
        self.ancestors: list[cst.CSTNode] = []
        self.names: list[str] = []
        self.left = 0
        self.deepest = 0

    @visits(cst.Name)
    def enter_name(self, node: cst.Name) -> None:
        """Record a name and the depth it sits at.

        Args:
            node: The name.
        """
        self.names.append(node.value)
        self.deepest = max(self.deepest, len(self.ancestors))

    @leaves(cst.Attribute)
    def leave_attribute(self, node: cst.Attribute) -> None:
        """Count an attribute left, checking its parent is on top of the ancestors.

        Args:
            node: The attribute.
        """
        self.left += 1
        assert getattr(self.ancestors[-1], "value", None) is node


def test_long_attribute_chain_is_walked_without_recursion() -> None:
    """A 20,000-long chain, far past the recursion limit, is walked completely."""
    length = 20_000
    assert length > sys.getrecursionlimit()
    recorder = DepthRecorder()
    count = walk(
        _attribute_chain(length), build_dispatch([recorder]), recorder.ancestors
    )
    statement_nodes = 3  # Module, SimpleStatementLine, Expr
    assert count == statement_nodes + 2 * length + 1
    assert recorder.names == ["a"] + ["b"] * length
    assert recorder.left == length
    assert recorder.deepest == statement_nodes + length
    assert recorder.ancestors == []


def test_deep_implicit_concatenation_is_walked() -> None:
    """3,000 implicitly concatenated strings nest 3,000 deep and are all walked."""
    length = 3_000
    expression: cst.BaseExpression = cst.SimpleString('"last"')
    for _ in range(length):
        expression = cst.ConcatenatedString(
            left=cst.SimpleString('"s"'), right=expression
        )
    module = cst.Module(body=[cst.SimpleStatementLine(body=[cst.Expr(expression)])])
    visited = walk(module, Dispatch({}, {}), [])
    assert visited == 3 + 2 * length + 1


def _identities(nodes: list[cst.CSTNode]) -> list[int]:
    """Return the identities of nodes, to compare without deep equality.

    Args:
        nodes: The nodes.

    Returns:
        Their ``id``s.
    """
    return [id(node) for node in nodes]


def test_child_nodes_follow_function_field_order() -> None:
    """Name, parameters, body, decorators, then the return annotation."""
    module = cst.parse_module("@a\n@b\nasync def f[T](x) -> int:\n    pass\n")
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    assert function.returns is not None
    assert function.asynchronous is not None
    assert function.type_parameters is not None
    expected = [
        function.name,
        function.params,
        function.body,
        *function.decorators,
        function.returns,
        function.asynchronous,
        function.type_parameters,
    ]
    assert _identities(child_nodes(function)) == _identities(expected)


def test_child_nodes_follow_parameter_field_order() -> None:
    """Parameters keep libcst's field order, absent parts left out."""
    module = cst.parse_module("def f(a, /, b, *c, d, **e): pass\n")
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    params = function.params
    expected = [
        *params.params,
        params.star_arg,
        *params.kwonly_params,
        params.star_kwarg,
        *params.posonly_params,
        params.posonly_ind,
    ]
    assert _identities(child_nodes(params)) == _identities(expected)
    bare = cst.parse_module("def g(a): pass\n").body[0]
    assert isinstance(bare, cst.FunctionDef)
    assert _identities(child_nodes(bare.params)) == _identities(
        list(bare.params.params)
    )


def test_child_nodes_of_mixed_fields() -> None:
    """Fields holding a node or a sequence, or an optional sequence, are handled."""
    star, names = cst.parse_module("from a import *\nfrom . import b, c\n").body
    star_import = star.body[0]
    names_import = names.body[0]
    assert isinstance(star_import, cst.ImportFrom)
    assert isinstance(names_import, cst.ImportFrom)
    assert isinstance(star_import.names, cst.ImportStar)
    assert _identities(child_nodes(star_import)) == _identities(
        [star_import.module, star_import.names]
    )
    assert not isinstance(names_import.names, cst.ImportStar)
    assert _identities(child_nodes(names_import)) == _identities(
        list(names_import.names)
    )
    expression = cst.parse_expression('f"{x:>{w}}"')
    assert isinstance(expression, cst.FormattedString)
    field = expression.parts[0]
    assert isinstance(field, cst.FormattedStringExpression)
    assert field.format_spec is not None
    assert _identities(child_nodes(field)) == _identities(
        [field.expression, *field.format_spec]
    )


def test_child_nodes_returns_a_fresh_list() -> None:
    """Callers may extend or pop the returned list without touching the tree."""
    line = cst.parse_module("a; b\n").body[0]
    first = child_nodes(line)
    first.clear()
    assert len(child_nodes(line)) == len(
        cst.ensure_type(line, cst.SimpleStatementLine).body
    )


def test_child_nodes_match_reference_on_tricky_sources() -> None:
    """Every node of the tricky sources has the reference's children."""
    for source in TRICKY_SOURCES:
        pending: list[cst.CSTNode] = [cst.parse_module(source)]
        while pending:
            node = pending.pop()
            children = child_nodes(node)
            assert _identities(children) == _identities(_reference_children(node))
            pending.extend(children)


def test_child_nodes_of_trivia_and_leaves_are_empty() -> None:
    """Trivia and leaf nodes have no meaningful children."""
    assert child_nodes(cst.Comma()) == []
    assert child_nodes(cst.TrailingWhitespace()) == []
    assert child_nodes(cst.Name("x")) == []
