"""Tests for the call helpers rules share."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.calls import (
    AsyncBodyTracker,
    callee_name,
    is_awaited,
    keyword_argument,
    receiver_text,
)
from strictpy.domain.analysis.walker import build_dispatch, visits, walk


class _AsyncProbe(AsyncBodyTracker):
    """Records, per call, whether it runs in an async body."""

    def __init__(self) -> None:
        """Start with nothing recorded."""
        self.seen: list[tuple[str, bool]] = []

    @visits(cst.Call)
    def on_call(self, node: cst.Call) -> None:
        """Record the callee and the tracker's answer.

        Args:
            node: The call.
        """
        assert isinstance(node.func, cst.Name)
        self.seen.append((node.func.value, self.in_async_body))


def _call(source: str) -> cst.Call:
    """Parse one call expression.

    Args:
        source: The call's text.

    Returns:
        The call node.
    """
    node = cst.parse_expression(source)
    assert isinstance(node, cst.Call)
    return node


def test_async_body_tracker() -> None:
    """Only the async def's own body counts; nested defs, lambdas, classes do not."""
    source = (
        "a()\n"
        "async def f():\n"
        "    b()\n"
        "    def g():\n        c()\n"
        "    h = lambda: d()\n"
        "    class K:\n        e()\n"
        "    i()\n"
        "def j():\n"
        "    async def k():\n        l()\n"
        "    m()\n"
    )
    probe = _AsyncProbe()
    walk(cst.parse_module(source), build_dispatch([probe]), [])
    assert [name for name, inside in probe.seen if inside] == ["b", "i", "l"]
    assert probe.async_frames == ()


def test_is_awaited() -> None:
    """Only the direct operand of await is awaited."""
    awaited = cst.parse_expression("await f()")
    assert isinstance(awaited, cst.Await)
    assert is_awaited([awaited])
    assert not is_awaited([])
    assert not is_awaited([cst.parse_expression("g(f())")])


def test_keyword_argument() -> None:
    """A keyword argument is found by name; positional ones are not."""
    call = _call("f(1, debug=True)")
    found = keyword_argument(call, "debug")
    assert found is not None
    assert isinstance(found.value, cst.Name)
    assert keyword_argument(call, "missing") is None


def test_receiver_text() -> None:
    """The receiver of a method call is its dotted text."""
    assert receiver_text(_call("self.session.query(x)")) == "self.session"
    assert receiver_text(_call("query(x)")) is None
    assert receiver_text(_call("f().query(x)")) is None


def test_callee_name_without_resolver() -> None:
    """Without a resolver nothing is resolved."""
    assert callee_name(_call("print(1)"), None) is None
