"""Tests for SP301 missing-function-docstring."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP301")


def test_message_names_the_function() -> None:
    """The finding names the function and points at its ``def`` line."""
    findings = run_source(
        '"""A module."""\n\n\n@cache\ndef run() -> None:\n    return None\n',
        select=["SP301"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (5, "Function 'run' has no docstring")
    ]


def test_stub_files_are_exempt() -> None:
    """Functions in ``.pyi`` stubs need no docstring."""
    findings = run_source(
        "def run() -> None: ...\n", select=["SP301"], path="src/app/x.pyi"
    )
    assert findings == []


def test_no_other_sp3_finding_without_docstring() -> None:
    """A function without docstring is SP301's finding alone."""
    findings = run_source(
        '"""A module."""\n\n\ndef run(value: int) -> int:\n'
        "    if value:\n        raise ValueError(value)\n    return value\n",
        select=["SP3"],
    )
    assert [f.code for f in findings] == ["SP301"]
