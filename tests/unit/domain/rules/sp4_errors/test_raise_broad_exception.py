"""Tests for SP401 raise-broad-exception."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP401")


def test_message_names_the_exception() -> None:
    """The message says which broad type is raised."""
    findings = run_source("raise BaseException\n", select=["SP401"])
    assert [(f.line, f.message) for f in findings] == [
        (1, "'raise BaseException' raises a broad exception")
    ]


def test_module_level_class_shadows_builtin() -> None:
    """A module-level class named Exception is not the builtin."""
    source = "class Exception(ValueError):\n    'Doc.'\n\nraise Exception\n"
    assert run_source(source, select=["SP401"]) == []
