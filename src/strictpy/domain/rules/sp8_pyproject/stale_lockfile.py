"""SP807 stale-lockfile: ``uv.lock`` no longer records what ``pyproject.toml`` declares."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.dependency_map import normalize_distribution
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.lock_model import parse_requirement
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.lock_model import LockedRequirement
    from strictpy.domain.project import ProjectContext
    from strictpy.domain.pyproject_model import PyProject

__all__ = ["StaleLockfile", "declared_requirements"]

LOCK_FILE = "uv.lock"
MAX_LISTED = 4
PYPROJECT = '[project]\nname = "shop"\nversion = "0.1.0"\ndependencies = ["{dep}"]\n'
LOCK = """version = 1
requires-python = ">=3.13"

[[package]]
name = "shop"
version = "0.1.0"
source = {{ editable = "." }}

[package.metadata]
requires-dist = [{{ name = "pydantic-settings", specifier = ">=2.6" }}]
"""


def _parsed(specs: Iterable[str], extra: str = "") -> frozenset[LockedRequirement]:
    """Parse requirement strings, dropping those that are not requirements.

    Args:
        specs: PEP 508 strings.
        extra: The optional-dependency group they belong to.

    Returns:
        The comparable requirements.
    """
    found = (parse_requirement(spec, extra) for spec in specs)
    return frozenset(item for item in found if item is not None)


def declared_requirements(
    pyproject: PyProject,
) -> tuple[frozenset[LockedRequirement], dict[str, frozenset[LockedRequirement]]]:
    """Return the requirements ``pyproject.toml`` declares, as uv.lock records them.

    Args:
        pyproject: The project file.

    Returns:
        (``requires-dist``: dependencies and optional dependencies,
        ``requires-dev``: dependency groups by normalised name).
    """
    dist = set(_parsed(pyproject.dependencies))
    for extra, specs in pyproject.optional_dependencies.items():
        dist.update(_parsed(specs, extra))
    groups = {
        normalize_distribution(name): _parsed(specs)
        for name, specs in pyproject.dependency_groups.items()
    }
    return frozenset(dist), groups


def _difference(
    declared: frozenset[LockedRequirement],
    locked: frozenset[LockedRequirement],
    where: str,
) -> list[str]:
    """Describe how declared and locked requirements differ.

    Args:
        declared: From ``pyproject.toml``.
        locked: From ``uv.lock``.
        where: The section's name for the message.

    Returns:
        Message parts (empty when they agree).
    """
    parts: list[str] = []
    added = sorted(declared - locked)
    removed = sorted(locked - declared)
    if added:
        parts.append(f"{where} not locked: {_listed(added)}")
    if removed:
        parts.append(f"{where} locked but not declared: {_listed(removed)}")
    return parts


def _listed(items: list[LockedRequirement]) -> str:
    """Render a few requirements for a message.

    Args:
        items: The requirements.

    Returns:
        The first few, then a count of the rest.
    """
    shown = ", ".join(item.display() for item in items[:MAX_LISTED])
    rest = len(items) - MAX_LISTED
    return f"{shown} (+{rest} more)" if rest > 0 else shown


class StaleLockfile(ProjectRule):
    """Flags a ``uv.lock`` whose root-package requirements differ from ``pyproject.toml``.

    Ruleset sections 5.1 and 9.1: dependencies change only through ``uv add``,
    which updates ``pyproject.toml`` and ``uv.lock`` together, and the image is
    built with ``uv sync --frozen``, which installs exactly what the lock says.
    A hand-edited ``pyproject.toml`` leaves the lock stale: the build installs
    something else than the project declares, or fails. The comparison reads
    the lock file as TOML (uv is not run): ``[project].dependencies`` and
    optional dependencies against ``requires-dist``, dependency groups against
    ``requires-dev``, by name, extras and version specifier. A lock file that
    is not valid TOML or has no entry for the project is reported here too.
    Silent without ``uv.lock`` (SP705) or without a valid ``pyproject.toml``.
    """

    CODE = "SP807"
    NAME = "stale-lockfile"
    MESSAGE = "uv.lock is stale or unreadable: {problem}"
    FIX_HINT = "Run 'uv lock' (and add dependencies with 'uv add' from now on)"
    RULESET_REF = "5.1, 9.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT.format(dep="pydantic-settings>=2.6"),
                    LOCK_FILE: LOCK.format(),
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT.format(dep="pydantic-settings>=2.7"),
                    LOCK_FILE: LOCK.format(),
                }
            ),
            path=LOCK_FILE,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT.format(dep="pydantic-settings>=2.6"),
                    LOCK_FILE: "version = 1\n[[package]\n",
                }
            ),
            path=LOCK_FILE,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a stale or unreadable lock file.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        lock = ctx.lock
        pyproject = ctx.pyproject
        if lock is None or pyproject is None or pyproject.error is not None:
            return
        if lock.error is not None:
            yield self.finding(ctx, LOCK_FILE, lock.error_line, problem=lock.error)
            return
        if not lock.found_root:
            name = pyproject.name or "the project"
            yield self.finding(
                ctx, LOCK_FILE, problem=f"it has no package entry for '{name}'"
            )
            return
        dist, groups = declared_requirements(pyproject)
        parts = _difference(dist, lock.requires_dist, "dependencies")
        for group in sorted(set(groups) | set(lock.requires_dev)):
            parts.extend(
                _difference(
                    groups.get(group, frozenset()),
                    lock.requires_dev.get(group, frozenset()),
                    f"group '{group}'",
                )
            )
        if parts:
            yield self.finding(ctx, LOCK_FILE, problem="; ".join(parts))
