"""Tests for SP603 custom-event-loop-policy."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP603")


def test_message_names_the_call() -> None:
    """The message names the resolved call."""
    findings = run_source("from uvloop import install\ninstall()\n", select=["SP603"])
    assert [(f.line, f.message) for f in findings] == [
        (2, "'uvloop.install()' sets a custom event loop policy")
    ]
