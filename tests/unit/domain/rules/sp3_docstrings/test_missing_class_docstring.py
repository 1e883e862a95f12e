"""Tests for SP302 missing-class-docstring."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP302")


def test_message_and_line() -> None:
    """The finding names the class and points at its ``class`` line."""
    findings = run_source(
        '"""A module."""\n\n\n@final\nclass Job:\n    size = 1\n', select=["SP302"]
    )
    assert [(f.line, f.message) for f in findings] == [
        (5, "Class 'Job' has no docstring")
    ]


def test_stub_files_are_exempt() -> None:
    """Classes in ``.pyi`` stubs need no docstring."""
    findings = run_source("class Job:\n    size: int\n", select=["SP302"], path="x.pyi")
    assert findings == []
