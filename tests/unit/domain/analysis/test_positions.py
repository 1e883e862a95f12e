"""Tests for lazily computed node positions: they must equal libcst's own."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.positions import _from_anchors, compute_positions

SOURCES = (
    "@decorator\ndef run(\n    value: int,\n) -> None:\n    return None\n",
    'class A(B, metaclass=M):\n    """Doc.\n\n    More.\n    """\n\n    x: int = 1  # c\n',
    "if a:\r\n    b = [\r\n        1,\r\n    ]\r\nelse: c()\r\n",
    "x = 1; y = 2\nwith open(f) as g, h:\n    pass\ntry:\n    z\nexcept E as e:\n    raise\n",
    "async def f():\n    async for a in b:\n        await c\n    return (yield)\n",
    'def g(): return f"{a!r:>{w}}" + b"x"\nlambda *a, **k: 0\n',
    "match p:\n    case [1, *r] if r:\n        q\n    case {'k': v}:\n        pass\n",
    "x = 1",
)


def _all_nodes(module: cst.CSTNode) -> list[cst.CSTNode]:
    """Return every node of a tree, trivia included.

    Args:
        module: The root.

    Returns:
        The nodes.
    """
    found: list[cst.CSTNode] = []
    pending = [module]
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(node.children)
    return found


@pytest.mark.parametrize("source", SOURCES)
def test_start_positions_match_libcst_provider(source: str) -> None:
    """Every node's start equals libcst's PositionProvider; ends too, except blocks.

    Nodes that end with an indented block end where the block's code ends here
    (libcst hoists the block's own end), and a module without a final newline
    has a phantom newline in libcst's positions.

    Args:
        source: The module's source.
    """
    module = cst.parse_module(source)
    nodes = _all_nodes(module)
    positions = compute_positions(module, nodes)
    expected = cst.metadata.MetadataWrapper(module, unsafe_skip_copy=True).resolve(
        cst.metadata.PositionProvider
    )
    for node in nodes:
        if isinstance(node, cst.BaseParenthesizableWhitespace):
            # Shared empty-whitespace instances have no single position.
            continue
        assert positions[node].start == expected[node].start, type(node).__name__
        has_block = isinstance(getattr(node, "body", None), cst.BaseSuite)
        phantom = isinstance(
            node, (cst.Module, cst.TrailingWhitespace, cst.Newline, cst.Match)
        )
        if not (has_block or phantom or isinstance(node, cst.BaseSuite)):
            assert positions[node].end == expected[node].end, type(node).__name__


def test_only_targets_are_returned() -> None:
    """Positions are computed for the requested nodes only."""
    module = cst.parse_module(
        "@decorator\ndef run(value: int) -> None:\n    return None\n"
    )
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    positions = compute_positions(module, [function])
    assert list(positions) == [function]
    # The def line, not the decorator.
    assert (positions[function].start.line, positions[function].start.column) == (2, 0)


def test_deeply_nested_concatenation_is_positioned() -> None:
    """Thousands of implicitly concatenated strings do not exhaust recursion."""
    import sys  # noqa: PLC0415 - only this test reads the limit

    count = 3000
    source = "x = (\n" + "\n".join(['    "x"'] * count) + "\n)\nlast = 1\n"
    module = cst.parse_module(source)
    last = module.body[-1]
    limit = sys.getrecursionlimit()
    positions = compute_positions(module, [last])
    assert positions[last].start.line == count + 3
    assert sys.getrecursionlimit() == limit


# Sources where positions are read from the text and ``ast``: each must give
# exactly what generating the whole module gives, for every node.
TRICKY = (
    # decorators, async, nested functions and classes, comments after blocks
    "@decorator(\n    1,  # c\n)\n@other\n"
    "async def run(a, /, b: int = (1), *args: str, c, d=2, **kw) -> None:\n"
    '    """Doc."""\n    async with a as b, c:\n        await d\n'
    "    async for i in j:\n        continue\n    else:\n        break\n"
    "    # block footer\nclass C(B, metaclass=M):\n    x: int = 1\n"
    "    def m(self): return self.x\n    @property\n    def p(self, *, k): ...\n"
    "        # deeper\n    # class footer\n\n# module footer\nlast = 1\n",
    # non-ASCII identifiers and strings before targets on the same line
    'é = "日本"; ß = f(é)  # ü\ndef f(ñ="ü", *κ, **λ): return "é", ñ\n'
    'class Ü: ü = "ß"; v = g(ü)\n',
    # tabs
    "if a:\n\tb = 1\n\tif c:\n\t\td = 'é'; e = f(2)\n\telse:\n\t\tpass\n",
    # CRLF
    "def f(x):\r\n    if x: return 1\r\n    return g(x)\r\n\r\nclass A:\r\n    pass\r\n",
    # semicolons and one-line suites
    "x = 1; y = f(2);\nif x: y = 2; z()\nelif y: pass\nelse: w = 3\n"
    "while x: break\nfor i in x: continue\nwith a: b()\nclass D: pass\n",
    # elif chains with blocks and leading comments
    "if a:\n    b()\nelif c:\n    # lead\n    d()\nelif e: f()\nelse:\n\n    g()\n",
    # try / except* / else / finally
    "try:\n    a()\nexcept (E, F) as e:\n    raise G from e\nexcept H: pass\n"
    "else:\n    b = 2\nfinally:\n    c()\ntry:\n    pass\nexcept* T:\n    d\n"
    "finally: e\n",
    # match
    "match p:\n    case [1, *r] if r:\n        q = lambda u, *v, w=1: u\n"
    '    case {"k": v} | Point(x=0):\n        pass\n    case _: z\n'
    "    # match footer\nafter = 1\n",
    # parenthesized targets
    'def f():\n    ("doc")\n    (yield)\n    x = (f)(y)\n    return ((a))\n',
    # multi-line strings and calls
    'x = """a\nb"""; y = 2\nprint("a" "b"\n      "c", sep=(\n    ""))\n'
    'def g():\n    """Multi\n    line."""\n    return h(\n        1,\n    )\n',
    # backslash continuations
    "x = 1 + \\\n    2\nif a and \\\n        b:\n    c = \\\n        d\n"
    "def f(a, \\\n      b): pass\n",
    # f-strings
    "name = f\"{a!r:>{w}} {b + c} {d['k']}\" + f'{x}'\nprint(f\"{f(1)}\")\n",
    # type parameters and aliases, comments between decorators, a parameter
    # apart from its star
    "type A[T] = list[T]\n@d\n# between\n@e\n"
    "def g[T](v: T, *\n      args) -> T: return v\n",
    # no final newline
    "def f():\n    pass",
    "x = f(1)",
    # comments after a block, deeper than the next statement
    "def f():\n    pass\n        # deeper\n    # block\n# module\nafter = 1\n",
)
# Kinds positioned by generating the whole module (their start needs more than
# ``ast`` gives) and trivia (never searched for).
NOT_ANCHORED = (
    cst.Else,
    cst.Finally,
    cst.MatchCase,
    cst.IndentedBlock,
    cst.BaseParenthesizableWhitespace,
    cst.EmptyLine,
    cst.TrailingWhitespace,
    cst.Newline,
    cst.Comment,
    cst.Comma,
    cst.Semicolon,
    cst.Colon,
    cst.Dot,
    cst.AssignEqual,
    cst.LeftParen,
    cst.RightParen,
    cst.LeftSquareBracket,
    cst.RightSquareBracket,
    cst.LeftCurlyBrace,
    cst.RightCurlyBrace,
    cst.Asynchronous,
    cst.ParamStar,
    cst.ParamSlash,
    cst.BaseBinaryOp,
    cst.BaseBooleanOp,
    cst.BaseCompOp,
    cst.BaseUnaryOp,
    cst.BaseAugOp,
)
# Sources libcst does not reproduce exactly, or ``ast`` rejects: the whole
# module is generated.
UNFAITHFUL = (
    "x = 1\n\x0cy = f(2)\n",
    "x = 1\ry = f(2)\r",
    "x = 1\n\\\ny = f(2)\n",
    "x = f(1)\n  \n  \n",
    "x = f(1)\n\n    # c\n",
    "def f():\n    pass\n        # deeper\n    # block\n# module\n",
    "\ufeffx = f(1)\n",
)


def _anchored_nodes(module: cst.Module) -> list[cst.CSTNode]:
    """Return the nodes of a tree that are positioned without the whole module.

    Args:
        module: The root.

    Returns:
        The nodes.
    """
    return [node for node in _all_nodes(module) if not isinstance(node, NOT_ANCHORED)]


@pytest.mark.parametrize("source", TRICKY)
def test_anchored_positions_equal_whole_module_positions(source: str) -> None:
    """Positions read from ``ast`` and small pieces equal the whole module's.

    Args:
        source: The module's source.
    """
    module = cst.parse_module(source)
    nodes = _anchored_nodes(module)
    assert _from_anchors(module, {id(node): node for node in nodes}, source)
    assert compute_positions(module, nodes, source) == compute_positions(module, nodes)


@pytest.mark.parametrize("source", TRICKY)
def test_each_node_alone_is_positioned_alike(source: str) -> None:
    """Each node asked for alone gets the same range both ways.

    Args:
        source: The module's source.
    """
    module = cst.parse_module(source)
    for node in _all_nodes(module):
        if isinstance(node, cst.BaseParenthesizableWhitespace):
            continue
        alone = compute_positions(module, [node], source)
        assert alone == compute_positions(module, [node]), type(node).__name__


@pytest.mark.parametrize("source", TRICKY)
def test_every_node_at_once_is_positioned_alike(source: str) -> None:
    """With nodes that need the whole module, every node's range is the same.

    Args:
        source: The module's source.
    """
    module = cst.parse_module(source)
    nodes = [
        node
        for node in _all_nodes(module)
        if not isinstance(node, cst.BaseParenthesizableWhitespace)
    ]
    assert compute_positions(module, nodes, source) == compute_positions(module, nodes)


@pytest.mark.parametrize("source", UNFAITHFUL)
def test_unfaithful_sources_generate_the_whole_module(source: str) -> None:
    """Where libcst's code is not the text, positions still are libcst's.

    Args:
        source: The module's source.
    """
    module = cst.parse_module(source)
    nodes = _anchored_nodes(module)
    assert _from_anchors(module, {id(node): node for node in nodes}, source) is None
    assert compute_positions(module, nodes, source) == compute_positions(module, nodes)


def test_a_foreign_node_has_no_position() -> None:
    """A node from another tree is not positioned, with or without the text."""
    source = "x = 1\n"
    module = cst.parse_module(source)
    foreign = cst.parse_module("y = 2\n").body[0]
    assert compute_positions(module, [foreign], source) == {}


def test_module_range_ends_at_the_text_end() -> None:
    """The module's own range ends after its last character."""
    source = "def f():\n    pass\n# end"
    module = cst.parse_module(source)
    function = module.body[0]
    positions = compute_positions(module, [module, function], source)
    end = positions[module].end
    assert (end.line, end.column) == (len(source.splitlines()), len("# end"))
    assert positions == compute_positions(module, [module, function])
