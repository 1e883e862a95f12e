"""Reading installed distributions' metadata: which top-level modules each provides.

Two environments may describe an audited project: its own virtual environment
(``<root>/.venv``) and the environment strictpy runs in. Both are read through
``importlib.metadata``; a distribution's modules come from its ``top_level.txt``
when present, else from the files its ``RECORD`` lists.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.dependency_map import normalize_distribution

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["InstalledEnvironment", "project_site_packages", "read_environment"]

METADATA_SUFFIXES = (".dist-info", ".egg-info", ".data")
MODULE_SUFFIXES = (".py", ".pyi", ".so", ".pyd")


@dataclass(frozen=True, slots=True)
class InstalledEnvironment:
    """What one Python environment has installed.

    Attributes:
        distributions: Installed distribution names, PEP 503-normalised.
        import_map: Top-level module to the distributions providing it (the
            shape of ``importlib.metadata.packages_distributions()``).
    """

    distributions: frozenset[str]
    import_map: MappingProxyType[str, tuple[str, ...]]


def project_site_packages(root: Path) -> tuple[Path, ...]:
    """Return the ``site-packages`` folders of a project's ``.venv``.

    Args:
        root: The project root.

    Returns:
        The folders that exist (POSIX and Windows layouts), possibly none.
    """
    venv = root / ".venv"
    found = sorted(venv.glob("lib/python3*/site-packages"))
    windows = venv / "Lib" / "site-packages"
    if windows.is_dir():
        found.append(windows)
    return tuple(path for path in found if path.is_dir())


def _modules_from_files(dist: importlib.metadata.Distribution) -> set[str]:
    """Infer a distribution's top-level modules from the files it installed.

    Args:
        dist: The distribution.

    Returns:
        Top-level package folders and single-file modules.
    """
    modules: set[str] = set()
    for file in dist.files or ():
        parts = PurePosixPath(str(file)).parts
        if not parts or parts[0] in {"..", "__pycache__"}:
            continue
        if parts[0].endswith(METADATA_SUFFIXES):
            continue
        if len(parts) > 1:
            if parts[0].isidentifier():
                modules.add(parts[0])
        elif parts[0].endswith(MODULE_SUFFIXES):
            stem = parts[0].split(".", 1)[0]
            if stem.isidentifier():
                modules.add(stem)
    return modules


def _top_level(dist: importlib.metadata.Distribution) -> set[str]:
    """Return the top-level modules a distribution provides.

    Args:
        dist: The distribution.

    Returns:
        The names from ``top_level.txt``, else inferred from its files.
    """
    try:
        declared = dist.read_text("top_level.txt")
        if declared:
            return {line.strip() for line in declared.splitlines() if line.strip()}
        return _modules_from_files(dist)
    except (OSError, UnicodeDecodeError, ValueError):
        return set()


def read_environment(search_path: Sequence[Path] | None = None) -> InstalledEnvironment:
    """Read which distributions are installed and which modules they provide.

    Args:
        search_path: Folders to read distributions from; None reads the running
            interpreter's ``sys.path``.

    Returns:
        The installed distributions and their top-level modules.
    """
    providers: dict[str, list[str]] = {}
    names: set[str] = set()
    distributions = (
        importlib.metadata.distributions(path=[str(path) for path in search_path])
        if search_path is not None
        else importlib.metadata.distributions()
    )
    for dist in distributions:
        name = dist.metadata["Name"] if dist.metadata else None
        if not name:
            continue
        names.add(normalize_distribution(name))
        for module in _top_level(dist):
            known = providers.setdefault(module, [])
            if name not in known:
                known.append(name)
    return InstalledEnvironment(
        distributions=frozenset(names),
        import_map=MappingProxyType(
            {module: tuple(found) for module, found in providers.items()}
        ),
    )
