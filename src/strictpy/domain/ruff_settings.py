"""The Ruff configuration strictpy runs ``ruff`` with: the ruleset's, made explicit.

SP812/SP813 report what Ruff finds with the ruleset's section 5.2 configuration,
not with whatever the project configured (SP801 reports the differences). The
refinements SP801 accepts (``extend-exclude``, ``src``, ``known-first-party``,
the type-checking exemptions) are taken from the project, since they describe
the project rather than weaken the rules. The result is the text of a
``ruff.toml`` (keys without the ``tool.ruff`` prefix).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import tomlkit

from strictpy.domain.config_drift import canonical_table
from strictpy.domain.ruleset_data import RUFF_ACCEPTED_EXTRA_KEYS, RUFF_CONFIG_TOML

if TYPE_CHECKING:
    from strictpy.domain.pyproject_model import PyProject

__all__ = ["ruff_toml"]

TABLE = ("tool", "ruff")


def _lookup(table: dict[str, object], path: tuple[str, ...]) -> object | None:
    """Return the value at a key path of nested tables.

    Args:
        table: The root table.
        path: Keys below it.

    Returns:
        The value, or None when some key is missing.
    """
    current: object = table
    for key in path:
        if not isinstance(current, dict) or key not in current:
            return None
        current = current[key]
    return current


def _assign(table: dict[str, object], path: tuple[str, ...], value: object) -> None:
    """Set a value at a key path, creating tables on the way.

    Args:
        table: The root table (modified).
        path: Keys below it.
        value: The value.
    """
    current = table
    for key in path[:-1]:
        child = current.setdefault(key, {})
        if not isinstance(child, dict):
            return
        current = child
    current[path[-1]] = value


def ruff_toml(pyproject: PyProject | None) -> str:
    """Return the ``ruff.toml`` text strictpy runs Ruff with.

    Args:
        pyproject: The project's ``pyproject.toml``, if any (for its accepted
            refinements).

    Returns:
        The ruleset's section 5.2 table plus the project's accepted extras.
    """
    table = copy.deepcopy(canonical_table(RUFF_CONFIG_TOML, *TABLE))
    configured = pyproject.table(*TABLE) if pyproject is not None else None
    for path in sorted(RUFF_ACCEPTED_EXTRA_KEYS):
        value = _lookup(configured, path) if configured is not None else None
        if value is not None:
            _assign(table, path, value)
    return tomlkit.dumps(table)
