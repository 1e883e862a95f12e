"""Tests for SP404 print-call."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP404")


def test_message_names_the_function() -> None:
    """The message names the qualified printing function."""
    source = "from pprint import pprint as show\nshow(1)\n"
    findings = run_source(source, select=["SP404"])
    assert [(f.line, f.message) for f in findings] == [
        (2, "'pprint.pprint' call; use logging instead")
    ]


def test_tests_are_not_exempt() -> None:
    """rules.md exempts no file from SP404, tests included."""
    findings = run_source("print(1)\n", select=["SP404"], path="tests/test_x.py")
    assert [f.code for f in findings] == ["SP404"]


def test_local_function_named_print_shadows() -> None:
    """A module-level function named print is not the builtin."""
    source = "def print(x: object) -> None:\n    'Doc.'\n\nprint(1)\n"
    assert run_source(source, select=["SP404"]) == []


def test_name_bound_by_match_capture_shadows() -> None:
    """A ``match`` capture pattern binds the name locally."""
    source = "match f:\n    case print:\n        print(1)\n"
    assert run_source(source, select=["SP404"]) == []
