"""SP813 not-ruff-formatted: ``ruff format --check`` would reformat the file."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.codes import Scope
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.rule import Rule

__all__ = ["NotRuffFormatted"]


class NotRuffFormatted(Rule):
    """Flags a file that ``ruff format`` would change.

    Ruleset sections 5.2 (``[tool.ruff.format]``) and 9.1 (``ruff format`` in
    the build's quality gate): code is formatted by Ruff with the ruleset's
    settings, so diffs show changes of meaning, not of layout. strictpy runs
    ``ruff format --check`` with the ruleset's configuration on the files it
    checks; the finding points at the first line Ruff would change and has
    ``"source": "ruff"``. ``--no-ruff`` or ``ruff = false`` turns it off.
    """

    CODE = "SP813"
    NAME = "not-ruff-formatted"
    SCOPE: ClassVar[Scope] = Scope.FILE
    MESSAGE = "File would be reformatted by 'ruff format'"
    FIX_HINT = "Run 'uv run ruff format .'"
    RULESET_REF = "5.2, 9.1"
    VALID: ClassVar[tuple[Valid, ...]] = (Valid('"""A module."""\n\nVALUE = 1\n'),)
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nVALUE=1\n',
            line=3,
            expected_fix='"""A module."""\n\nVALUE = 1\n',
        ),
    )
