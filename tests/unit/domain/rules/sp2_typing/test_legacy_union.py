"""Tests for SP204 legacy-union."""

from __future__ import annotations

from tests.conftest import assert_fixture


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP204")
