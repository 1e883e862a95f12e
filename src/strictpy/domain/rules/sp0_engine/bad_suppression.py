"""SP001 bad-suppression: a suppression comment without codes or with an unknown code."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule

__all__ = ["BadSuppression"]


class BadSuppression(FileRule):
    """Flags a strictpy suppression comment that names no code or an unknown one.

    A bare suppression would silence every rule on the line, hiding problems
    nobody looked at; an unknown code silences nothing and is usually a typo.
    Name the exact codes, for example ``# strictpy: ignore[SP404]``.
    """

    CODE = "SP001"
    NAME = "bad-suppression"
    MESSAGE = "Suppression comment {problem}"
    FIX_HINT = "Name the codes to suppress, e.g. 'ignore[SP102]'"
    RULESET_REF = "5.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid('"""A module."""\n\nVALUE = 1  # strictpy: ignore[SP102]\n'),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nVALUE = 1  # strictpy: ignore\n', line=3),
        Invalid('"""A module."""\n\nVALUE = 1  # strictpy: ignore[SP999]\n', line=3),
    )
