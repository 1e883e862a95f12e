"""Tests for SP201 missing-param-annotation."""

from __future__ import annotations

from tests.conftest import assert_fixture


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP201")
