"""SP002 unused-suppression: a suppression code that suppressed nothing."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule

__all__ = ["UnusedSuppression"]


class UnusedSuppression(FileRule):
    """Flags a suppression code that suppressed no finding in this run.

    Stale suppressions accumulate as code changes and later hide real findings
    on the same line. Only codes that were selected in the run are judged, so
    narrowing ``--select`` does not make suppressions look unused.
    """

    CODE = "SP002"
    NAME = "unused-suppression"
    MESSAGE = "Suppression of '{entry}' suppressed nothing"
    FIX_HINT = "Remove the unused code from the suppression comment"
    RULESET_REF = "5.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef run() -> None:\n    """Run."""\n    pass  # strictpy: ignore[SP102]\n',
            also_select=("SP102",),
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nVALUE = 1  # strictpy: ignore[SP102]\n',
            line=3,
            also_select=("SP102",),
        ),
    )
