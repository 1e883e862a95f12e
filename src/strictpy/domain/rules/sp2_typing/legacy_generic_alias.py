"""SP203 legacy-generic-alias: ``typing.List`` and friends."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.rules.sp2_typing.legacy_typing import (
    GENERIC_ALIASES,
    LegacyTypingRule,
)

__all__ = ["LegacyGenericAlias"]


class LegacyGenericAlias(LegacyTypingRule):
    """Flags ``typing.List``, ``Dict``, ``Set``, ``Tuple``, ``Type`` and the other legacy aliases.

    Ruleset 3.1: use modern syntax, ``list[int]`` instead of ``List[int]``.
    The builtins and ``collections`` classes are generic since Python 3.9, and
    the ``typing`` aliases are deprecated. Imports and attribute uses
    (``typing.List``, ``t.List`` through an alias) are reported, also inside
    quoted annotations.
    """

    CODE = "SP203"
    NAME = "legacy-generic-alias"
    MESSAGE = "'{name}' is a legacy generic alias; use '{replacement}'"
    FIX_HINT = "Use the builtin or collections class directly"
    RULESET_REF = "3.1"
    NAMES = GENERIC_ALIASES
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef total(values: list[int]) -> dict[str, int]:\n    """Sum."""\n    return {"sum": sum(values)}\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom typing import List\n',
            line=3,
            expected_fix='"""A module."""\n',
        ),
        Invalid(
            '"""A module."""\n\nimport typing as t\n\nVALUES: t.List[int] = [1]\n',
            line=5,
            expected_fix='"""A module."""\n\nVALUES: list[int] = [1]\n',
        ),
    )
