"""Tests for SP310 spurious-returns-section."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP310")


def test_message_and_line() -> None:
    """The finding names the function and points at its ``def`` line."""
    findings = run_source(
        '"""A module."""\n\n\n@cache\ndef run() -> None:\n'
        '    """Run.\n\n    Returns:\n        Nothing.\n    """\n    work()\n',
        select=["SP310"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (5, "'run' documents 'Returns:' but never returns a value")
    ]
