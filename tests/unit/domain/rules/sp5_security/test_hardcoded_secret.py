"""Tests for SP501 hardcoded-secret."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp5_security.hardcoded_secret import credential_url_line
from tests.conftest import assert_fixture, run_source

# Built at run time so this test module itself holds no credential URL.
SCHEME = "postgresql" + "://"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP501")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"{SCHEME}app:pw@db/app", 0),
        (f"intro\n{SCHEME}app:pw@db/app", 1),
        (f"{SCHEME}app:{{password}}@db/app", None),
        (f"{SCHEME}db/app", None),
        ("no url here", None),
    ],
)
def test_credential_url_line(text: str, line: int | None) -> None:
    """The helper finds the line of the first URL with a real password.

    Args:
        text: The string's value.
        line: The offset of the line with the URL, or None.
    """
    assert credential_url_line(text) == line


def test_escaped_newline_does_not_move_the_line() -> None:
    """The line comes from the source text, not from the evaluated string."""
    source = f'URL = "a\\nb {SCHEME}app:pw@db/app"\n'
    findings = run_source(source, select=["SP501"])
    assert [f.line for f in findings] == [1]


def test_tests_are_not_exempt() -> None:
    """rules.md exempts no file from SP501."""
    findings = run_source(
        'password = "hunter2"\n', select=["SP501"], path="tests/test_x.py"
    )
    assert [f.code for f in findings] == ["SP501"]
