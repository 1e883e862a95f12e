"""Tests for SP306 missing-returns-section."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP306")


def test_messages_for_functions_and_generators() -> None:
    """Functions miss 'Returns:', generators miss 'Yields:'."""
    findings = run_source(
        '"""A module."""\n\n\ndef total() -> int:\n    """Total."""\n    return 1\n\n\n'
        'def items() -> Iterator[int]:\n    """Items."""\n    yield 1\n',
        select=["SP306"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (4, "'total' returns a value but its docstring has no 'Returns:' section"),
        (9, "'items' yields a value but its docstring has no 'Yields:' section"),
    ]


def test_returns_does_not_satisfy_a_generator() -> None:
    """A generator documenting 'Returns:' still lacks 'Yields:'."""
    findings = run_source(
        '"""A module."""\n\n\ndef items() -> Iterator[int]:\n'
        '    """Items.\n\n    Returns:\n        Items.\n    """\n    yield 1\n',
        select=["SP306", "SP310"],
    )
    assert sorted(f.code for f in findings) == ["SP306", "SP310"]
