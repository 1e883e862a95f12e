"""Tests for SP303 bad-summary-line."""

from __future__ import annotations

import pytest

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP303")


@pytest.mark.parametrize(
    ("docstring", "problem"),
    [
        ('"""Run"""', "does not end with a period"),
        ('"""Run\n    now.\n    """', "spans 2 lines instead of one"),
        ('"""Run.\n    Now.\n    """', "is not followed by a blank line"),
        (
            '"""Run.\n    Args:\n        x: X.\n    """',
            "is not followed by a blank line",
        ),
        ('"""\n    Run.\n    """', "does not start on the docstring's first line"),
        ('""" """', "is empty"),
    ],
)
def test_one_finding_with_the_problem(docstring: str, problem: str) -> None:
    """Each docstring gives one finding naming its first problem.

    Args:
        docstring: The function's docstring literal.
        problem: The expected problem.
    """
    source = f'"""A module."""\n\n\ndef run(x: int) -> None:\n    {docstring}\n'
    findings = run_source(source, select=["SP303"])
    assert [(f.line, f.message) for f in findings] == [
        (5, f"Docstring summary {problem}")
    ]


def test_module_docstrings_are_not_checked() -> None:
    """The ruleset's format is for classes and functions."""
    assert run_source('"""A module"""\n', select=["SP303"]) == []
