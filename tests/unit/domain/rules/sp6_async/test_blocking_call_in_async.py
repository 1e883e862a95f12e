"""Tests for SP601 blocking-call-in-async."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP601")


def test_message_names_call_and_function() -> None:
    """The message names the resolved call and the async function."""
    source = "from time import sleep as nap\n\nasync def tick():\n    nap(1)\n"
    findings = run_source(source, select=["SP601"])
    assert [(f.line, f.message) for f in findings] == [
        (4, "Blocking call 'time.sleep' inside 'async def tick'")
    ]


def test_comprehension_in_async_body_counts() -> None:
    """A comprehension runs in the async function's frame."""
    source = "async def read(paths):\n    return [open(p) for p in paths]\n"
    assert [f.line for f in run_source(source, select=["SP601"])] == [2]


def test_default_argument_of_nested_def_is_not_in_its_body() -> None:
    """The lambda stop applies even when the lambda is an argument."""
    source = (
        "import time\n\nasync def f(loop):\n    loop.call_soon(lambda: time.sleep(1))\n"
    )
    assert run_source(source, select=["SP601"]) == []
