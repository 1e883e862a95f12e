"""SP801-SP803's fixes: the ruleset's Ruff and pytest tables and ``requires-python``.

tomlkit edits the document in place, so comments, key order and unrelated
tables stay as they are. A key that differs from the ruleset gets the
ruleset's value (with the ruleset's comments, as in section 5.2); a missing key
or sub-table is added; an extra key is removed unless SP801 accepts it as a
refinement (``extend-exclude``, ``known-first-party``...). A value equal to the
ruleset's (lists compare as sets, as the rule does) is not touched. A missing
table is appended as the ruleset writes it. ``requires-python`` keeps its upper
bounds and gets the lower bound ``>=3.13``.
"""

from __future__ import annotations

import copy
import re
import tomllib
from typing import TYPE_CHECKING

import tomlkit
from tomlkit.exceptions import TOMLKitError

from strictpy.domain.ruleset_data import (
    PYTEST_CONFIG_TOML,
    PYTHON_VERSION,
    RUFF_ACCEPTED_EXTRA_KEYS,
    RUFF_CONFIG_TOML,
    RUFF_ORDERED_KEYS,
)

if TYPE_CHECKING:
    from collections.abc import Collection, MutableMapping

    from tomlkit.items import Item

__all__ = ["PYPROJECT_FIX_CODES", "fix_pyproject", "python_requirement"]

RUFF_CODE = "SP801"
PYTEST_CODE = "SP802"
VERSION_CODE = "SP803"
PYPROJECT_FIX_CODES = frozenset({RUFF_CODE, PYTEST_CODE, VERSION_CODE})
RUFF_TABLE = ("tool", "ruff")
PYTEST_TABLE = ("tool", "pytest", "ini_options")
LOWER_CLAUSE = re.compile(r"^\s*(>=|~=|==|>)")

type KeyPath = tuple[str, ...]


def _same(expected: object, actual: object, *, ordered: bool) -> bool:
    """Compare two plain values the way the drift rules do.

    Args:
        expected: The ruleset's value.
        actual: The configured value.
        ordered: Whether list order matters.

    Returns:
        True when the rule would see no difference.
    """
    if isinstance(expected, list) and isinstance(actual, list) and not ordered:
        return all(item in actual for item in expected) and all(
            item in expected for item in actual
        )
    return type(expected) is type(actual) and expected == actual


def _is_table(value: object) -> bool:
    """Tell whether a tomlkit value is a table (inline or not).

    Args:
        value: A tomlkit item.

    Returns:
        True for mappings.
    """
    return isinstance(value, dict)


def _copied(item: Item) -> Item:
    """Copy a canonical item for insertion into another document.

    Args:
        item: An item of the ruleset's document.

    Returns:
        A deep copy; a table ends with a blank line.
    """
    duplicate = copy.deepcopy(item)
    if isinstance(
        duplicate, tomlkit.items.Table
    ) and not duplicate.as_string().endswith("\n\n"):
        duplicate.add(tomlkit.nl())
    return duplicate


def _sync(
    actual: MutableMapping[str, object],
    canonical: MutableMapping[str, object],
    path: KeyPath,
    accepted: Collection[KeyPath],
    ordered: Collection[KeyPath],
) -> None:
    """Make a table equal to the canonical one, key by key, in place.

    Args:
        actual: The project's table (a tomlkit container).
        canonical: The ruleset's table.
        path: The table's key path below the compared table.
        accepted: Extra key paths that stay.
        ordered: Key paths whose list order matters.
    """
    for key, expected in canonical.items():
        current = actual.get(key)
        if current is None:
            actual[key] = _copied(expected)  # type: ignore[arg-type]
        elif _is_table(expected) and _is_table(current):
            _sync(current, expected, (*path, key), accepted, ordered)  # type: ignore[arg-type]
        elif not _same(
            _plain(expected), _plain(current), ordered=(*path, key) in ordered
        ):
            actual[key] = _copied(expected)  # type: ignore[arg-type]
    for key in [key for key in actual if key not in canonical]:
        if (*path, key) not in accepted:
            del actual[key]


def _plain(value: object) -> object:
    """Return a tomlkit value as plain Python data.

    Args:
        value: A tomlkit item or plain value.

    Returns:
        The unwrapped value.
    """
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value


def _lookup(document: MutableMapping[str, object], path: KeyPath) -> object | None:
    """Return the value at a key path.

    Args:
        document: The document.
        path: The keys.

    Returns:
        The value, or None when a key is missing.
    """
    current: object = document
    for key in path:
        if not isinstance(current, dict) or key not in current:
            return None
        current = current[key]
    return current


def _fix_table(
    document: tomlkit.TOMLDocument,
    path: KeyPath,
    canonical_text: str,
    accepted: Collection[KeyPath] = (),
    ordered: Collection[KeyPath] = (),
) -> bool:
    """Bring one tool table in line with the ruleset, in place.

    Args:
        document: The parsed document (edited in place when the table exists).
        path: The table's key path.
        canonical_text: The ruleset's TOML block for the table.
        accepted: Extra key paths that stay.
        ordered: Key paths whose list order matters.

    Returns:
        True when the table is missing and the block must be appended.
    """
    actual = _lookup(document, path)
    canonical = _lookup(tomlkit.parse(canonical_text), path)
    if not isinstance(actual, dict):
        return True
    if isinstance(canonical, dict):
        _sync(actual, canonical, (), accepted, ordered)
    return False


def python_requirement(specifier: str) -> str:
    """Return ``requires-python`` with the lower bound 3.13 and its upper bounds kept.

    Args:
        specifier: The current specifier (``>=3.11,<4``).

    Returns:
        ``>=3.13`` plus the clauses that only bound from above (``>=3.13,<4``).
    """
    kept = [
        clause.strip()
        for clause in specifier.split(",")
        if clause.strip() and not LOWER_CLAUSE.match(clause)
    ]
    return ",".join([f">={PYTHON_VERSION}", *kept])


def _fix_version(document: tomlkit.TOMLDocument) -> None:
    """Set the lower bound of ``requires-python``, keeping its comment.

    Args:
        document: The parsed document (edited in place).
    """
    project = document.get("project")
    if not isinstance(project, dict):
        return
    current = project.get("requires-python")
    if not isinstance(current, str):
        return
    new = tomlkit.item(python_requirement(str(current)))
    trivia = getattr(current, "trivia", None)
    if trivia is not None:
        new.trivia.comment_ws = trivia.comment_ws
        new.trivia.comment = trivia.comment
    project["requires-python"] = new


def _newline(text: str) -> str:
    """Return the document's line ending.

    Args:
        text: The document.

    Returns:
        ``\\r\\n`` when every line ends so, else ``\\n``.
    """
    return "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"


def fix_pyproject(text: str, codes: Collection[str]) -> str | None:
    """Apply the pyproject fixes of the given codes.

    Args:
        text: The ``pyproject.toml`` text.
        codes: The reported codes among SP801, SP802 and SP803.

    Returns:
        The new text, or None when nothing changes or the result is not valid
        TOML.
    """
    newline = _newline(text)
    working = text.replace("\r\n", "\n") if newline == "\r\n" else text
    try:
        document = tomlkit.parse(working)
    except TOMLKitError:
        return None
    if VERSION_CODE in codes:
        _fix_version(document)
    missing: list[str] = []
    if RUFF_CODE in codes and _fix_table(
        document,
        RUFF_TABLE,
        RUFF_CONFIG_TOML,
        RUFF_ACCEPTED_EXTRA_KEYS,
        RUFF_ORDERED_KEYS,
    ):
        missing.append(RUFF_CONFIG_TOML)
    if PYTEST_CODE in codes and _fix_table(document, PYTEST_TABLE, PYTEST_CONFIG_TOML):
        missing.append(PYTEST_CONFIG_TOML)
    result = tomlkit.dumps(document)
    if working.endswith("\n") and not working.endswith("\n\n"):
        result = result.rstrip("\n") + "\n"
    for block in missing:
        result = f"{result.rstrip(chr(10))}\n\n{block}" if result.strip() else block
    try:
        tomllib.loads(result)
    except tomllib.TOMLDecodeError:
        return None
    if newline == "\r\n":
        result = result.replace("\n", "\r\n")
    return None if result == text else result
