"""The requirements ``uv.lock`` recorded for the root package, without running uv.

``uv.lock`` is TOML. Its root package (``source = { editable = "." }`` or
``{ virtual = "." }``) keeps, under ``[package.metadata]``, the requirements
uv resolved from: ``requires-dist`` (``[project].dependencies`` and the
optional dependencies, marked ``extra == '...'``) and ``requires-dev`` (the
dependency groups). When ``pyproject.toml`` no longer lists the same
requirements, the lock file is stale: ``uv sync --frozen`` installs what the
lock says, not what the project declares.

Requirements compare by normalised name, extras, version specifier (clauses as
a set, spaces dropped) and, for optional dependencies, the extra. Other parts of
environment markers and ``[tool.uv.sources]`` are not compared, because uv
rewrites them (``python_version`` becomes ``python_full_version``) and a
textual comparison would report fresh lock files as stale.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.dependency_map import normalize_distribution

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "LockFile",
    "LockedRequirement",
    "parse_lock",
    "parse_requirement",
]

ROOT_SOURCES = frozenset({"editable", "virtual"})
REQUIREMENT = re.compile(
    r"""^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*
    (?:\[(?P<extras>[^\]]*)\])?\s*
    (?P<rest>[^;]*?)\s*
    (?:;(?P<marker>.*))?$""",
    re.VERBOSE | re.DOTALL,
)
EXTRA_MARKER = re.compile(r"""\bextra\s*==\s*['"]([^'"]+)['"]""")
TOML_ERROR_LINE = re.compile(r"\(at line (\d+)")


@dataclass(frozen=True, slots=True, order=True)
class LockedRequirement:
    """A requirement in the comparable form of both files.

    Attributes:
        name: The normalised distribution name.
        extras: Normalised extras requested, sorted.
        specifier: Version clauses without spaces, sorted, comma-joined.
        extra: The optional-dependency group it belongs to, or ``""``.
    """

    name: str
    extras: tuple[str, ...] = ()
    specifier: str = ""
    extra: str = ""

    def display(self) -> str:
        """Render the requirement for a message.

        Returns:
            ``name[extras]specifier`` (with ``; extra == 'x'`` when optional).
        """
        extras = f"[{','.join(self.extras)}]" if self.extras else ""
        marker = f"; extra == '{self.extra}'" if self.extra else ""
        return f"{self.name}{extras}{self.specifier}{marker}"


def _specifier(text: str) -> str:
    """Normalise a version specifier: spaces dropped, clauses sorted.

    Args:
        text: ``>= 2.0, <3`` or similar; a direct URL reference is ignored.

    Returns:
        The normalised specifier (``<3,>=2.0``), or ``""``.
    """
    if text.lstrip().startswith("@"):
        return ""
    text = text.strip().removeprefix("(").removesuffix(")")
    clauses = sorted(
        clause.replace(" ", "") for clause in text.split(",") if clause.strip()
    )
    return ",".join(clauses)


def _extras(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise and sort extras.

    Args:
        values: Extra names as written.

    Returns:
        The sorted normalised names.
    """
    return tuple(sorted({normalize_distribution(v) for v in values if v.strip()}))


def parse_requirement(spec: str, extra: str = "") -> LockedRequirement | None:
    """Turn a PEP 508 requirement string into its comparable form.

    Args:
        spec: A requirement such as ``psycopg[binary]>=3; python_version>'3.12'``.
        extra: The optional-dependency group it is declared in, if any.

    Returns:
        The requirement, or None when the string is not a requirement.
    """
    match = REQUIREMENT.match(spec)
    if match is None:
        return None
    extras = _extras((match["extras"] or "").split(","))
    return LockedRequirement(
        normalize_distribution(match["name"]),
        extras,
        _specifier(match["rest"] or ""),
        normalize_distribution(extra) if extra else "",
    )


def _locked_requirement(entry: object) -> LockedRequirement | None:
    """Turn a ``uv.lock`` requirement table into its comparable form.

    Args:
        entry: ``{ name = "x", extras = [...], specifier = ">=1", marker = "..." }``.

    Returns:
        The requirement, or None for anything else.
    """
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None
    extras = entry.get("extras", [])
    specifier = entry.get("specifier", "")
    marker = entry.get("marker", "")
    extra = EXTRA_MARKER.search(marker) if isinstance(marker, str) else None
    return LockedRequirement(
        normalize_distribution(entry["name"]),
        _extras(item for item in extras if isinstance(item, str))
        if isinstance(extras, list)
        else (),
        _specifier(specifier) if isinstance(specifier, str) else "",
        normalize_distribution(extra.group(1)) if extra else "",
    )


def _requirements(entries: object) -> frozenset[LockedRequirement]:
    """Convert an array of ``uv.lock`` requirement tables.

    Args:
        entries: The array.

    Returns:
        The requirements that could be read.
    """
    if not isinstance(entries, list):
        return frozenset()
    found = (_locked_requirement(entry) for entry in entries)
    return frozenset(item for item in found if item is not None)


@dataclass(frozen=True, slots=True)
class LockFile:
    """What ``uv.lock`` records about the root package.

    Attributes:
        error: Why the file could not be read as a lock file, if it could not.
        error_line: The line of a TOML error, when known.
        found_root: Whether the root package's entry was found.
        requires_dist: The root package's recorded requirements.
        requires_dev: Recorded dependency groups by (normalised) name.
    """

    error: str | None = None
    error_line: int | None = None
    found_root: bool = False
    requires_dist: frozenset[LockedRequirement] = frozenset()
    requires_dev: MappingProxyType[str, frozenset[LockedRequirement]] = field(
        default_factory=lambda: MappingProxyType({})
    )


def _root_package(
    packages: list[object], project_name: str | None
) -> dict[str, object] | None:
    """Find the root package's entry among ``[[package]]`` tables.

    Args:
        packages: The ``package`` array.
        project_name: ``[project].name``, if known.

    Returns:
        The entry named like the project, else the one whose source is the
        project folder itself, or None.
    """
    tables = [package for package in packages if isinstance(package, dict)]
    if project_name:
        wanted = normalize_distribution(project_name)
        for package in tables:
            name = package.get("name")
            if isinstance(name, str) and normalize_distribution(name) == wanted:
                return package
    for package in tables:
        source = package.get("source")
        if isinstance(source, dict) and any(
            source.get(key) == "." for key in ROOT_SOURCES
        ):
            return package
    return None


def parse_lock(text: str, project_name: str | None) -> LockFile:
    """Read the root package's recorded requirements from ``uv.lock``.

    Args:
        text: The lock file's text.
        project_name: ``[project].name`` of the project, if known.

    Returns:
        The lock's view of the root package; ``error`` set when the text is
        not TOML or has no package table.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = TOML_ERROR_LINE.search(message)
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in message:
            line = max(1, len(text.splitlines()))
        return LockFile(
            error=f"invalid TOML: {message.split(' (at ', 1)[0]}", error_line=line
        )
    packages = document.get("package")
    if not isinstance(packages, list):
        return LockFile(error="no [[package]] entries")
    root = _root_package(packages, project_name)
    if root is None:
        return LockFile()
    metadata = root.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    dev = metadata.get("requires-dev")
    groups: Mapping[str, object] = dev if isinstance(dev, dict) else {}
    return LockFile(
        found_root=True,
        requires_dist=_requirements(metadata.get("requires-dist")),
        requires_dev=MappingProxyType(
            {
                normalize_distribution(name): _requirements(entries)
                for name, entries in groups.items()
            }
        ),
    )
