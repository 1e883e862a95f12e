"""Which rules run where: ``select``, ``ignore``, ``extend-select`` and ``per-file-ignores``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pathspec

from strictpy.exceptions import ConfigurationError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = ["Selection", "validate_codes"]


def validate_codes(
    entries: Iterable[str], known: Sequence[str], key: str
) -> tuple[str, ...]:
    """Check that every entry is a registered code or a prefix of one.

    Args:
        entries: Codes or prefixes (``SP3``, ``SP30``, ``SP301``).
        known: Every registered code.
        key: The configuration key the entries come from (for the error).

    Raises:
        ConfigurationError: If an entry names no registered rule.

    Returns:
        The entries, upper-cased and stripped.
    """
    cleaned: list[str] = []
    for raw in entries:
        entry = raw.strip().upper()
        if not entry:
            continue
        if entry != "ALL" and not any(code.startswith(entry) for code in known):
            message = f"unknown rule code '{raw.strip()}' in '{key}'"
            raise ConfigurationError(message)
        cleaned.append(entry)
    return tuple(cleaned)


def _matches(code: str, entries: Iterable[str]) -> int:
    """Return the length of the longest entry that selects a code.

    Args:
        code: A rule code.
        entries: Codes or prefixes.

    Returns:
        The longest matching prefix length (``ALL`` counts as 1), 0 for none.
    """
    best = 0
    for entry in entries:
        if entry == "ALL":
            best = max(best, 1)
        elif code.startswith(entry):
            best = max(best, len(entry))
    return best


@dataclass(frozen=True)
class Selection:
    """The effective rule selection of a run.

    Attributes:
        known: Every registered code, in order.
        select: Entries that enable rules (default: all).
        ignore: Entries that disable rules; a longer (more specific) match wins.
        per_file_ignores: Glob to ignored entries.
    """

    known: tuple[str, ...]
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def build(
        cls,
        known: Sequence[str],
        *,
        select: Sequence[str] | None,
        extend_select: Sequence[str],
        ignore: Sequence[str],
        per_file_ignores: Mapping[str, Sequence[str]],
    ) -> Selection:
        """Validate configuration entries and build the selection.

        Args:
            known: Every registered code.
            select: ``select`` (None: all rules).
            extend_select: ``extend-select``.
            ignore: ``ignore``.
            per_file_ignores: ``per-file-ignores``.

        Returns:
            The selection.
        """
        chosen = validate_codes(
            select if select is not None else ("ALL",), known, "select"
        )
        extra = validate_codes(extend_select, known, "extend-select")
        ignored = validate_codes(ignore, known, "ignore")
        per_file = tuple(
            (glob, validate_codes(codes, known, f"per-file-ignores.{glob}"))
            for glob, codes in per_file_ignores.items()
        )
        return cls(tuple(known), chosen + extra, ignored, per_file)

    def is_selected(self, code: str) -> bool:
        """Tell whether a code (or every code under a prefix) is enabled.

        Args:
            code: A full code or a prefix.

        Returns:
            True if the code, or some code under the prefix, is enabled.
        """
        return any(
            self._enabled(known) for known in self.known if known.startswith(code)
        )

    def _enabled(self, code: str) -> bool:
        """Tell whether one full code is enabled project-wide.

        Args:
            code: A full rule code.

        Returns:
            True when selected and not ignored by a more specific entry.
        """
        chosen = _matches(code, self.select)
        return chosen > _matches(code, self.ignore)

    @functools.cached_property
    def enabled(self) -> frozenset[str]:
        """Every code enabled project-wide.

        Returns:
            The enabled codes.
        """
        return frozenset(code for code in self.known if self._enabled(code))

    @functools.cached_property
    def _per_file_specs(self) -> tuple[tuple[pathspec.PathSpec, tuple[str, ...]], ...]:
        """Compile the per-file-ignores globs once.

        Returns:
            Compiled globs with their entries.
        """
        return tuple(
            (pathspec.PathSpec.from_lines("gitignore", [glob]), codes)
            for glob, codes in self.per_file_ignores
        )

    def enabled_for(self, path: str) -> frozenset[str]:
        """Every code enabled for one file, after per-file ignores.

        Args:
            path: The project-relative path.

        Returns:
            The enabled codes.
        """
        ignored = [
            codes for spec, codes in self._per_file_specs if spec.match_file(path)
        ]
        if not ignored:
            return self.enabled
        flat = [entry for codes in ignored for entry in codes]
        return frozenset(code for code in self.enabled if not _matches(code, flat))
