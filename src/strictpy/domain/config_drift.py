"""Key-by-key comparison of a configuration table with the ruleset's canonical one.

SP801 (``[tool.ruff]``) and SP802 (``[tool.pytest.ini_options]``, both built on
``rules.sp8_pyproject.table_drift_rule``) report one difference per key: a missing key (at its table's header line), another value,
or an extra key (at its own line). Lists compare as sets unless their order
carries meaning (``section-order``); a set difference names what is missing and
what is extra. A whole missing sub-table is one difference, not one per key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import tomlkit

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from strictpy.domain.toml_lines import TomlLineIndex

__all__ = ["Drift", "KeyPath", "TableComparison", "canonical_table"]

type KeyPath = tuple[str, ...]

BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True, slots=True)
class Drift:
    """One difference from the canonical table.

    Attributes:
        key: The key path below the compared table, as TOML writes it
            (``lint.per-file-ignores."tests/**/*"``).
        problem: What differs, as a message clause.
        line: The line of the key, or of its table when the key is missing.
    """

    key: str
    problem: str
    line: int | None


def canonical_table(text: str, *path: str) -> dict[str, object]:
    """Load a canonical table from the ruleset's TOML text.

    Args:
        text: A TOML document (for example the 5.2 block).
        *path: The table's key path inside it.

    Returns:
        The table as plain values.
    """
    value: object = tomlkit.parse(text).unwrap()
    for key in path:
        value = value.get(key, {}) if isinstance(value, dict) else {}
    return value if isinstance(value, dict) else {}


def _key_text(path: KeyPath) -> str:
    """Render a key path as TOML writes a dotted key.

    Args:
        path: The key parts.

    Returns:
        Parts joined by dots, quoted where they are not bare keys.
    """
    return ".".join(part if BARE_KEY.match(part) else f'"{part}"' for part in path)


def _value_text(value: object) -> str:
    """Render a value as TOML writes it.

    Args:
        value: A plain TOML value.

    Returns:
        The TOML text of the value.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_value_text(item) for item in value) + "]"
    return str(value)


def _items(values: list[object]) -> str:
    """Render list items for a message.

    Args:
        values: The items.

    Returns:
        The items in TOML spelling, comma-separated.
    """
    return ", ".join(_value_text(value) for value in values)


def _list_problem(
    expected: list[object], actual: list[object], *, ordered: bool
) -> str | None:
    """Describe how a list differs from the canonical one.

    Args:
        expected: The canonical list.
        actual: The configured list.
        ordered: Whether the order carries meaning.

    Returns:
        The problem, or None when the lists agree.
    """
    missing = [item for item in expected if item not in actual]
    extra = [item for item in actual if item not in expected]
    parts: list[str] = []
    if missing:
        parts.append(f"lacks {_items(missing)}")
    if extra:
        parts.append(f"has extra {_items(extra)}")
    if parts:
        return " and ".join(parts)
    if ordered and actual != expected:
        return f"is in another order; the ruleset says {_value_text(expected)}"
    return None


def _value_problem(expected: object, actual: object, *, ordered: bool) -> str | None:
    """Describe how a value differs from the canonical one.

    Args:
        expected: The canonical value.
        actual: The configured value.
        ordered: Whether list order carries meaning.

    Returns:
        The problem, or None when the values agree.
    """
    if isinstance(expected, list) and isinstance(actual, list):
        return _list_problem(expected, actual, ordered=ordered)
    if type(expected) is type(actual) and expected == actual:
        return None
    return f"is {_value_text(actual)}; the ruleset says {_value_text(expected)}"


@dataclass(frozen=True, slots=True)
class TableComparison:
    """Compares configured tables with canonical ones, key by key.

    Attributes:
        lines: Line index of the configured file.
        base: The compared table's key path in the file.
        accepted: Key paths (below ``base``) allowed as extras.
        ordered: Key paths (below ``base``) whose list order matters.
    """

    lines: TomlLineIndex
    base: KeyPath
    accepted: frozenset[KeyPath] = frozenset()
    ordered: frozenset[KeyPath] = frozenset()

    def drift(
        self, expected: Mapping[str, object], actual: Mapping[str, object]
    ) -> Iterator[Drift]:
        """Compare the configured table at ``base`` with the canonical one.

        Args:
            expected: The canonical table.
            actual: The configured table.

        Yields:
            One difference per missing, different or extra key.
        """
        yield from self.walk(expected, actual, ())

    def walk(
        self,
        expected: Mapping[str, object],
        actual: Mapping[str, object],
        path: KeyPath,
    ) -> Iterator[Drift]:
        """Compare one (sub-)table.

        Args:
            expected: The canonical (sub-)table.
            actual: The configured (sub-)table.
            path: The (sub-)table's path below ``base``.

        Yields:
            The differences, canonical keys first, then extras in file order.
        """
        for key, wanted in expected.items():
            key_path = (*path, key)
            if key not in actual:
                kind = "table" if isinstance(wanted, dict) else "key"
                yield self._drift(key_path, f"is missing ({kind})")
                continue
            found = actual[key]
            if isinstance(wanted, dict) and isinstance(found, dict):
                yield from self.walk(wanted, found, key_path)
                continue
            problem = _value_problem(wanted, found, ordered=key_path in self.ordered)
            if problem is not None:
                yield self._drift(key_path, problem)
        for key, found in actual.items():
            key_path = (*path, key)
            if key in expected or key_path in self.accepted:
                continue
            if isinstance(found, dict) and any(
                item[: len(key_path)] == key_path for item in self.accepted
            ):
                yield from self.walk({}, found, key_path)
                continue
            yield self._drift(key_path, "is not in the ruleset's configuration")

    def _drift(self, key_path: KeyPath, problem: str) -> Drift:
        """Build a difference located at the key (or its nearest table).

        Args:
            key_path: The key's path below ``base``.
            problem: What differs.

        Returns:
            The difference.
        """
        line = self.lines.anchor_line(*self.base, *key_path)
        return Drift(_key_text(key_path), problem, line)
