"""Tests for SP403 swallowed-exception."""

from __future__ import annotations

import pytest

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP403")


@pytest.mark.parametrize(
    ("body", "described"),
    [("pass", "pass"), ("...", "..."), ("continue", "continue")],
)
def test_message_names_the_body(body: str, described: str) -> None:
    """The message says what the handler does instead of handling.

    Args:
        body: The handler's only statement.
        described: How the message quotes it.
    """
    source = (
        f"for _ in ():\n    try:\n        x = 1\n    except OSError:\n        {body}\n"
    )
    findings = run_source(source, select=["SP403"])
    assert [f.line for f in findings] == [4]
    assert f"'{described}'" in findings[0].message


def test_docstring_like_string_is_not_silent() -> None:
    """A string statement is not one of the silent statements."""
    source = "try:\n    x = 1\nexcept OSError:\n    'handled elsewhere'\n"
    assert run_source(source, select=["SP403"]) == []
