"""Tests for lazily computed node positions: they must equal libcst's own."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.positions import compute_positions

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
