"""SP205 typing-abc-import: names that live in ``collections.abc`` imported from ``typing``."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.rules.sp2_typing.legacy_typing import ABC_NAMES, LegacyTypingRule

__all__ = ["TypingAbcImport"]


class TypingAbcImport(LegacyTypingRule):
    """Flags ``Callable``, ``Iterable``, ``Mapping`` and other ABCs taken from ``typing``.

    Ruleset 3.1: use ``typing`` imports only for advanced types (``TypeVar``,
    ``Protocol``, ``TypeAlias``...). The abstract collection types live in
    ``collections.abc``; their ``typing`` copies are deprecated aliases.
    """

    CODE = "SP205"
    NAME = "typing-abc-import"
    MESSAGE = "'{name}' is imported from 'typing'; use '{replacement}'"
    FIX_HINT = "Import it from collections.abc"
    RULESET_REF = "3.1"
    NAMES = ABC_NAMES
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom collections.abc import Callable\nfrom typing import Protocol, TypeVar\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom typing import Callable, TypeVar\n',
            line=3,
            expected_fix='"""A module."""\n\nfrom collections.abc import Callable\n'
            "from typing import TypeVar\n",
        ),
    )
