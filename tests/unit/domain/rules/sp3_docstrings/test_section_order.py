"""Tests for SP308 section-order."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP308")


def test_one_finding_per_problem_at_the_docstring() -> None:
    """Every problem is its own finding, all at the docstring's first line."""
    findings = run_source(
        '"""A module."""\n\n\n@cache\ndef run(x: int) -> int:\n'
        '    """Run.\n\n    Returns:\n        X.\n\n    Parameters:\n        x: X.\n'
        '    """\n    return x\n',
        select=["SP308"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (6, "Docstring format: Use 'Args:' instead of 'Parameters:'"),
        (
            6,
            "Docstring format: Section 'Parameters:' comes after 'Returns:'"
            " (order: Args, Raises, Returns/Yields)",
        ),
    ]
