"""Tests for codes and families."""

from __future__ import annotations

from strictpy.domain.codes import CODE_PATTERN, FAMILIES, family_of


def test_family_of_code() -> None:
    """The first digit names the family."""
    assert family_of("SP404").slug == "errors"
    assert family_of("SP000").slug == "engine"
    assert list(FAMILIES) == [str(digit) for digit in range(10)]


def test_code_pattern() -> None:
    """Codes are SP and three digits."""
    assert CODE_PATTERN.match("SP101")
    assert not CODE_PATTERN.match("SP1011")
