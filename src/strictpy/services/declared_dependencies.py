"""What the audited project may import: its declared dependencies' modules (SP809).

The import names of a distribution are exact only in an environment where it is
installed. The project's own ``.venv`` is tried first, then the environment
strictpy runs in; an environment is used only when it *describes the project*,
that is when every declared distribution is installed in it. Otherwise the
static table of :mod:`strictpy.domain.dependency_map` fills in.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from strictpy.adapters.installed_packages import project_site_packages, read_environment
from strictpy.domain.dependency_map import (
    declared_import_names,
    first_party_modules,
    normalize_distribution,
    project_requirements,
    requirement_name,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

__all__ = ["declared_modules"]

logger = logging.getLogger(__name__)


def _describing_import_map(
    root: Path, requirements: Sequence[str]
) -> Mapping[str, Sequence[str]] | None:
    """Return the import map of the first environment that has every requirement.

    Args:
        root: The project root.
        requirements: The project's requirement strings.

    Returns:
        Module to distributions, or None when no environment describes the project.
    """
    wanted = {
        normalize_distribution(name)
        for name in (requirement_name(spec) for spec in requirements)
        if name is not None
    }
    if not wanted:
        return None
    candidates: list[Sequence[Path] | None] = []
    site = project_site_packages(root)
    if site:
        candidates.append(site)
    candidates.append(None)
    for search_path in candidates:
        environment = read_environment(search_path)
        if wanted <= environment.distributions:
            return environment.import_map
    logger.debug("no installed environment describes %s", root.name)
    return None


def declared_modules(
    root: Path,
    pyproject_text: str | None,
    existing: Iterable[str],
    package: str | None,
) -> frozenset[str] | None:
    """Return the top-level modules the project may import besides the stdlib.

    Args:
        root: The project root.
        pyproject_text: The text of its ``pyproject.toml``, if any.
        existing: Project-relative paths that exist.
        package: The import package, when known.

    Returns:
        Declared dependencies' modules plus first-party modules, or None when the
        project's dependencies are unknown (SP809 then stays silent).
    """
    requirements = project_requirements(pyproject_text)
    if requirements is None:
        return None
    installed = _describing_import_map(root, requirements)
    provided = declared_import_names(requirements, installed)
    return provided | first_party_modules(existing, package)
