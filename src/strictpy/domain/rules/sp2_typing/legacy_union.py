"""SP204 legacy-union: ``typing.Union[...]`` and ``typing.Optional[...]``."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.rules.sp2_typing.legacy_typing import UNION_NAMES, LegacyTypingRule

__all__ = ["LegacyUnion"]


class LegacyUnion(LegacyTypingRule):
    """Flags ``Union[...]`` and ``Optional[...]`` from ``typing``, through any alias.

    Ruleset 3.1: write ``X | Y`` instead of ``Union[X, Y]`` and ``X | None``
    instead of ``Optional[X]``. Each use is reported, also inside quoted
    annotations (at the string's line).
    """

    CODE = "SP204"
    NAME = "legacy-union"
    MESSAGE = "'{name}[...]' is a legacy union; write '{replacement}'"
    FIX_HINT = "Use the '|' operator"
    RULESET_REF = "3.1"
    NAMES = UNION_NAMES
    REPORT_SUBSCRIPTS = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef find(key: str | None) -> int | None:\n    """Find."""\n    return None\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom typing import Optional as Opt\n\n\n'
            'def find(key: Opt[str]) -> None:\n    """Find."""\n',
            line=6,
            expected_fix='"""A module."""\n\n\ndef find(key: str | None) -> None:\n'
            '    """Find."""\n',
        ),
    )
