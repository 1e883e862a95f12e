"""Tests for SP502 sql-string-building."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp5_security.sql_string_building import string_building
from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP502")


@pytest.mark.parametrize(
    ("expression", "how"),
    [
        ('f"a {b}"', "f-string"),
        ('"a %s" % b', "%-formatting"),
        ('"a {}".format(b)', ".format()"),
        ('"a" + b', "concatenation"),
        ('"a" "b"', None),
        ('"a" + "b"', None),
        ('f"a"', None),
        ("b", None),
        ("1 % 2", None),
    ],
)
def test_string_building(expression: str, how: str | None) -> None:
    """Each way of building a string is named; constants are not.

    Args:
        expression: The first argument's source.
        how: How the string is built, or None for a constant.
    """
    import libcst as cst  # noqa: PLC0415 - keeps the parametrize table readable

    assert string_building(cst.parse_expression(expression)) == how


def test_keyword_first_argument_is_not_checked() -> None:
    """Only the first positional argument is the SQL."""
    source = "cursor.execute(params=f'{x}', operation='SELECT 1')\n"
    assert run_source(source, select=["SP502"]) == []


def test_module_level_variable_is_tracked() -> None:
    """Module-level assignments are tracked like function locals."""
    source = "query = 'SELECT ' + table\ncursor.execute(query)\n"
    assert [f.line for f in run_source(source, select=["SP502"])] == [2]
