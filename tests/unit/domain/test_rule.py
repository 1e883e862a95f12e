"""Tests for the rule base classes and their import-time checks."""

from __future__ import annotations

from typing import ClassVar

import pytest

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule
from strictpy.domain.rules.sp1_placeholders.todo_comment import TodoComment
from strictpy.exceptions import RuleDefinitionError


def test_metadata_accessors() -> None:
    """Summary, explanation, family and message come from the declaration."""
    assert TodoComment.summary().startswith("Flags a comment or docstring")
    assert "zero-tolerance" in TodoComment.explanation()
    assert TodoComment.family().digit == "1"
    assert TodoComment.format_message({"where": "Comment", "marker": "X"}) == (
        "Comment contains a placeholder marker 'X'"
    )
    assert not TodoComment.fixable()


def test_malformed_rule_is_refused_at_definition() -> None:
    """A rule with a bad code, slug, message and no examples cannot be defined."""
    with pytest.raises(RuleDefinitionError, match="code 'SP1' is not SP"):

        class Broken(FileRule):
            """A broken rule."""

            CODE = "SP1"
            NAME = "Bad_Name"
            MESSAGE = "{0}"
            RULESET_REF = "1"


def test_fixable_is_derived_from_examples() -> None:
    """A rule is fixable exactly when an invalid example shows a fix."""

    class Fixing(FileRule):
        """Flags nothing in particular."""

        CODE = "SP199"
        NAME = "fixing"
        MESSAGE = "m"
        RULESET_REF = "1"
        VALID: ClassVar[tuple[Valid, ...]] = (Valid("x = 1\n"),)
        INVALID: ClassVar[tuple[Invalid, ...]] = (
            Invalid("x = 2\n", expected_fix="x = 1\n"),
        )

    assert Fixing.fixable()
