"""Tests for SP104 placeholder-comment."""

from __future__ import annotations

from hypothesis import given, strategies as st

from strictpy.domain.rules.sp1_placeholders.placeholder_comment import (
    PLACEHOLDER_PATTERN,
    may_hold_placeholder,
)
from tests.conftest import assert_fixture


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP104")


@given(
    phrase=st.sampled_from(
        [
            "... rest",
            "rest of the code",
            "Rest Of Logic",
            "implementation goes here",
            "IMPLEMENT HERE",
            "your code here",
            "add the implementation",
            "existing code",
            "same as above",
            "code goes here",
            "re\u017ft of the code",
        ]
    ),
    before=st.text(max_size=20),
    after=st.text(max_size=20),
)
def test_hint_is_true_wherever_the_pattern_matches(
    phrase: str, before: str, after: str
) -> None:
    """The cheap text test never misses a phrase the rule's pattern finds.

    Args:
        phrase: A placeholder phrase in some letter case.
        before: Text before it.
        after: Text after it.
    """
    text = f"{before} # {phrase} {after}"
    assert PLACEHOLDER_PATTERN.search(text)
    assert may_hold_placeholder(text)


def test_hint_is_false_for_ordinary_code() -> None:
    """Plain code without any key word skips reading comments."""
    assert not may_hold_placeholder("x = 1  # count the items\n")
