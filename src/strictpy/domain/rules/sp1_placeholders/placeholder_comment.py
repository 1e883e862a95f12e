"""SP104 placeholder-comment: comments that stand in for missing code."""

from __future__ import annotations

import re
from typing import ClassVar

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["PlaceholderComment"]

PLACEHOLDER_PATTERN = re.compile(
    r"(\.\.\.\s*rest\b|\brest of (the )?(code|implementation|file|function|logic)\b"
    r"|\bimplement(ation)? (goes )?here\b|\byour code (goes )?here\b"
    r"|\badd (the |real |actual )?implementation\b|\bexisting code\b"
    r"|\bsame as (before|above)\b|\bcode goes here\b)",
    re.IGNORECASE,
)

# Every phrase of PLACEHOLDER_PATTERN contains one of these.
PLACEHOLDER_WORDS = (
    "rest",
    "implement",
    "your code",
    "existing code",
    "same as",
    "code goes here",
)


def may_hold_placeholder(text: str) -> bool:
    """Tell whether a text may hold a placeholder phrase (a cheap superset test).

    Args:
        text: A file's text.

    Returns:
        True when a phrase's key word occurs, or the text is not ASCII (the
        pattern ignores case the Unicode way, which plain lowering does not).
    """
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in PLACEHOLDER_WORDS)


class PlaceholderComment(FileRule):
    """Flags comments that stand in for code, such as "rest of code" or "implement here".

    The ruleset's zero-tolerance directive 1 names these comments as forbidden
    placeholders: they mark code that was never written, or was left out of a
    generated file. Only comments are read; strings are data.
    """

    CODE = "SP104"
    NAME = "placeholder-comment"
    MESSAGE = "Comment '{text}' stands in for missing code"
    FIX_HINT = "Write the missing code and remove the comment"
    RULESET_REF = "Zero tolerance 1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n# Rest of the week is a holiday.\nHELP = "your code here"\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef run() -> None:\n    """Run."""\n    # ... rest of code\n',
            line=6,
        ),
    )

    COMMENT_HINT = may_hold_placeholder

    @visits(CommentToken)
    def check(self, node: CommentToken) -> None:
        """Report a placeholder comment.

        Args:
            node: The comment.
        """
        match = PLACEHOLDER_PATTERN.search(node.text)
        if match:
            self.report(node, text=match[0].strip())
