"""The project's ``pyproject.toml``, parsed once for every project rule.

The document is parsed with tomlkit, so a later ``--fix`` can edit the same
document in place with comments kept; rules read the plain values
(``data``) and point at key lines through a :class:`TomlLineIndex`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

import tomlkit
from tomlkit.exceptions import TOMLKitError

from strictpy.domain.dependency_map import normalize_distribution, requirement_name
from strictpy.domain.toml_lines import TomlLineIndex, index_toml_lines

if TYPE_CHECKING:
    from tomlkit import TOMLDocument

__all__ = ["PyProject", "parse_pyproject"]

DEV_GROUP = "dev"


def _plain_table(value: object) -> dict[str, object]:
    """Return a value when it is a table, else an empty table.

    Args:
        value: Any TOML value.

    Returns:
        The table, or ``{}``.
    """
    return value if isinstance(value, dict) else {}


def _strings(value: object) -> tuple[str, ...]:
    """Return the string items of an array value.

    Args:
        value: Any TOML value.

    Returns:
        The strings (other items dropped), or ``()`` when not an array.
    """
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


@dataclass(frozen=True, eq=False)
class PyProject:
    """A parsed ``pyproject.toml``.

    Attributes:
        text: The file's text.
        data: The document as plain Python values (empty when invalid).
        lines: Lines of its keys, tables and array items.
        document: The tomlkit document (for in-place edits), or None when invalid.
        error: The parser's message when the text is not valid TOML.
        error_line: The line the parser stopped at, when known.
    """

    text: str
    data: MappingProxyType[str, object] = field(
        default_factory=lambda: MappingProxyType({})
    )
    lines: TomlLineIndex = field(default_factory=TomlLineIndex)
    document: TOMLDocument | None = None
    error: str | None = None
    error_line: int | None = None

    def get(self, *path: str) -> object | None:
        """Return the value at a key path.

        Args:
            *path: Keys from the document's root.

        Returns:
            The value, or None when some key is missing.
        """
        current: object = self.data
        for key in path:
            if not isinstance(current, dict | MappingProxyType):
                return None
            current = current.get(key)
            if current is None:
                return None
        return current

    def table(self, *path: str) -> dict[str, object] | None:
        """Return the table at a key path.

        Args:
            *path: Keys from the document's root.

        Returns:
            The table, or None when missing or not a table.
        """
        value = self.get(*path)
        return value if isinstance(value, dict) else None

    @property
    def project(self) -> dict[str, object]:
        """The ``[project]`` table (empty when absent).

        Returns:
            The table.
        """
        return _plain_table(self.get("project"))

    @property
    def name(self) -> str | None:
        """``[project].name``.

        Returns:
            The name, or None.
        """
        value = self.project.get("name")
        return value if isinstance(value, str) else None

    @property
    def dependencies(self) -> tuple[str, ...]:
        """``[project].dependencies`` requirement strings.

        Returns:
            The requirements, in file order.
        """
        return _strings(self.project.get("dependencies"))

    @property
    def optional_dependencies(self) -> dict[str, tuple[str, ...]]:
        """``[project.optional-dependencies]`` by extra.

        Returns:
            Extra name to its requirements.
        """
        table = _plain_table(self.project.get("optional-dependencies"))
        return {extra: _strings(value) for extra, value in table.items()}

    @property
    def dependency_groups(self) -> dict[str, tuple[str, ...]]:
        """PEP 735 ``[dependency-groups]``, with ``include-group`` entries followed.

        ``[tool.uv].dev-dependencies`` is merged into the ``dev`` group, as uv
        does.

        Returns:
            Group name to its requirement strings.
        """
        raw = _plain_table(self.get("dependency-groups"))
        groups: dict[str, tuple[str, ...]] = {}
        for name in raw:
            groups[name] = self._group(raw, name, frozenset())
        legacy = _strings(self.get("tool", "uv", "dev-dependencies"))
        if legacy:
            groups[DEV_GROUP] = (*groups.get(DEV_GROUP, ()), *legacy)
        return groups

    def _group(
        self, raw: dict[str, object], name: str, seen: frozenset[str]
    ) -> tuple[str, ...]:
        """Flatten one dependency group, following its includes.

        Args:
            raw: The ``[dependency-groups]`` table.
            name: The group to flatten.
            seen: Groups already being flattened (include cycles stop here).

        Returns:
            The group's requirement strings.
        """
        entries = raw.get(name)
        if not isinstance(entries, list) or name in seen:
            return ()
        flat: list[str] = []
        for entry in entries:
            if isinstance(entry, str):
                flat.append(entry)
            elif isinstance(entry, dict) and isinstance(
                entry.get("include-group"), str
            ):
                flat.extend(self._group(raw, entry["include-group"], seen | {name}))
        return tuple(flat)

    @property
    def dependency_names(self) -> frozenset[str]:
        """Normalised distribution names of ``[project].dependencies``.

        Returns:
            The names.
        """
        names = (requirement_name(spec) for spec in self.dependencies)
        return frozenset(normalize_distribution(name) for name in names if name)

    def dependency_line(self, path: tuple[str, ...], requirement: str) -> int | None:
        """Return the line of a requirement string in an array.

        Args:
            path: The array's key path (``("project", "dependencies")``).
            requirement: The requirement as written.

        Returns:
            Its line, else the array's or nearest table's line, or None.
        """
        return self.lines.item_line(path, requirement) or self.lines.anchor_line(*path)


def parse_pyproject(text: str) -> PyProject:
    """Parse a ``pyproject.toml`` text; invalid TOML is recorded, never raised.

    Args:
        text: The file's text.

    Returns:
        The parsed project file.
    """
    lines = index_toml_lines(text)
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as error:
        line = getattr(error, "line", None)
        message = str(error).split(" at line ", 1)[0]
        return PyProject(
            text,
            lines=lines,
            error=message,
            error_line=line if isinstance(line, int) else None,
        )
    return PyProject(text, MappingProxyType(document.unwrap()), lines, document)
