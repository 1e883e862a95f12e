"""Which modules a declared dependency provides: distribution names to import names.

A requirement names a *distribution* (``pydantic-settings``); code imports
*modules* (``pydantic_settings``). The installed environment's metadata knows the
exact mapping; when it does not describe the audited project, a static table of
common packages whose import name differs from their distribution name fills in,
and everything else is assumed to import as its normalised name with ``_``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "KNOWN_IMPORT_NAMES",
    "declared_import_names",
    "first_party_modules",
    "import_names",
    "is_stdlib",
    "normalize_distribution",
    "project_requirements",
    "requirement_name",
]

# PEP 508: a name starts and ends with a letter or digit; ``-``, ``_`` and ``.``
# may appear inside.
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
NAME_SEPARATORS = re.compile(r"[-_.]+")
# What may follow a requirement's name: end, extras, version, marker, URL.
NAME_FOLLOWERS = frozenset("[(<>=!~;@ \t")


def _table(
    entries: Mapping[str, tuple[str, ...]],
) -> MappingProxyType[str, frozenset[str]]:
    """Freeze the static table, keyed by normalised distribution name.

    Args:
        entries: Distribution name to the top-level modules it provides.

    Returns:
        The read-only table.
    """
    return MappingProxyType(
        {
            normalize_distribution(name): frozenset(modules)
            for name, modules in entries.items()
        }
    )


def normalize_distribution(name: str) -> str:
    """Normalise a distribution name as PEP 503 does.

    Args:
        name: A distribution name as written (``Pydantic_Settings``).

    Returns:
        The lowercase name with runs of ``-``, ``_``, ``.`` turned into ``-``.
    """
    return NAME_SEPARATORS.sub("-", name.strip()).lower()


def requirement_name(spec: str) -> str | None:
    """Return the distribution name of a PEP 508 requirement string.

    Args:
        spec: A requirement such as ``pydantic-settings[x]>=2; python_version>'3'``.

    Returns:
        The name as written (not normalised), or None when the string does not
        start with a valid name (empty, a comment, a bare URL or path).
    """
    match = REQUIREMENT_NAME.match(spec)
    if match is None:
        return None
    rest = spec[match.end() :]
    if rest and rest[0] not in NAME_FOLLOWERS:
        return None
    return match.group(1)


def import_names(
    distribution: str, installed: Mapping[str, Sequence[str]] | None = None
) -> frozenset[str]:
    """Return the top-level modules a distribution provides.

    Args:
        distribution: The distribution name, in any spelling; extras and version
            specifiers (``psycopg[binary]>=3``) are ignored.
        installed: The installed environment's map of top-level module to the
            distributions providing it (the shape of
            ``importlib.metadata.packages_distributions()``), or None.

    Returns:
        The modules from ``installed`` when it knows the distribution, else from
        the static table, else the normalised name with ``-`` turned into ``_``.
    """
    wanted = normalize_distribution(requirement_name(distribution) or distribution)
    if installed is not None:
        found = frozenset(
            module
            for module, providers in installed.items()
            if any(normalize_distribution(name) == wanted for name in providers)
        )
        if found:
            return found
    known = KNOWN_IMPORT_NAMES.get(wanted)
    if known is not None:
        return known
    return frozenset({wanted.replace("-", "_")})


def declared_import_names(
    requirements: Iterable[str], installed: Mapping[str, Sequence[str]] | None = None
) -> frozenset[str]:
    """Return every top-level module that a list of requirements provides.

    Args:
        requirements: PEP 508 requirement strings; invalid ones are skipped.
        installed: As for :func:`import_names`.

    Returns:
        The union of the modules of every named distribution.
    """
    modules: set[str] = set()
    for spec in requirements:
        name = requirement_name(spec)
        if name is not None:
            modules.update(import_names(name, installed))
    return frozenset(modules)


def is_stdlib(module: str) -> bool:
    """Tell whether a module belongs to the standard library.

    Args:
        module: A dotted module name (only its first part matters).

    Returns:
        True for modules of ``sys.stdlib_module_names``.
    """
    return module.split(".", 1)[0] in sys.stdlib_module_names


def project_requirements(pyproject_text: str | None) -> tuple[str, ...] | None:
    """Return the requirements a project declares for run time.

    ``[project].dependencies`` and every ``[project].optional-dependencies``
    extra count (an extra is a declared, installable dependency); dependency
    groups do not, as they are absent when the package runs.

    Args:
        pyproject_text: The text of ``pyproject.toml``, or None when absent.

    Returns:
        The requirement strings, or None when they are unknown (no file, invalid
        TOML, no ``[project]`` table, or ``dependencies`` declared dynamic).
    """
    if pyproject_text is None:
        return None
    try:
        document = tomllib.loads(pyproject_text)
    except tomllib.TOMLDecodeError:
        return None
    project = document.get("project")
    if not isinstance(project, dict):
        return None
    dynamic = project.get("dynamic", [])
    if isinstance(dynamic, list) and "dependencies" in dynamic:
        return None
    dependencies = project.get("dependencies", [])
    if not isinstance(dependencies, list):
        dependencies = []
    found = [item for item in dependencies if isinstance(item, str)]
    extras = project.get("optional-dependencies", {})
    if isinstance(extras, dict):
        for items in extras.values():
            if isinstance(items, list):
                found.extend(item for item in items if isinstance(item, str))
    return tuple(found)


def first_party_modules(existing: Iterable[str], package: str | None) -> frozenset[str]:
    """Return the project's own top-level modules and packages.

    Args:
        existing: Project-relative paths that exist (files and folders).
        package: The import package (``<pkg>``), when known.

    Returns:
        ``<pkg>``, everything directly under ``src/``, and top-level packages
        (``name/__init__.py``) and modules (``name.py``) of the root.
    """
    modules: set[str] = {package} if package else set()
    for path in existing:
        parts = path.split("/")
        if len(parts) == 2 and parts[0] == "src":  # noqa: PLR2004 - src/<name>
            name = parts[1].removesuffix(".pyi").removesuffix(".py")
        elif len(parts) == 2 and parts[1] == "__init__.py":  # noqa: PLR2004
            name = parts[0]
        elif len(parts) == 1 and parts[0].endswith(".py"):
            name = parts[0].removesuffix(".py")
        else:
            continue
        if name.isidentifier():
            modules.add(name)
    return frozenset(modules)


# Common distributions whose import name is not their name with ``-`` -> ``_``.
KNOWN_IMPORT_NAMES: MappingProxyType[str, frozenset[str]] = _table(
    {
        "attrs": ("attr", "attrs"),
        "beautifulsoup4": ("bs4",),
        "dnspython": ("dns",),
        "docker-py": ("docker",),
        "factory-boy": ("factory",),
        "faiss-cpu": ("faiss",),
        "gitpython": ("git",),
        "google-api-python-client": ("googleapiclient",),
        "google-cloud-storage": ("google",),
        "grpcio": ("grpc",),
        "ipython": ("IPython",),
        "msgpack-python": ("msgpack",),
        "mysqlclient": ("MySQLdb",),
        "opencv-contrib-python": ("cv2",),
        "opencv-python": ("cv2",),
        "opencv-python-headless": ("cv2",),
        "paho-mqtt": ("paho",),
        "pillow": ("PIL",),
        "protobuf": ("google",),
        "psycopg2-binary": ("psycopg2",),
        "pyjwt": ("jwt",),
        "pymongo": ("pymongo", "bson", "gridfs"),
        "pyopenssl": ("OpenSSL",),
        "pycryptodome": ("Crypto",),
        "pycryptodomex": ("Cryptodome",),
        "pyserial": ("serial",),
        "python-dateutil": ("dateutil",),
        "python-dotenv": ("dotenv",),
        "python-jose": ("jose",),
        "python-json-logger": ("pythonjsonlogger",),
        "python-magic": ("magic",),
        "python-multipart": ("multipart", "python_multipart"),
        "python-slugify": ("slugify",),
        "python-telegram-bot": ("telegram",),
        "pyyaml": ("yaml",),
        "python-socketio": ("socketio",),
        "pyzmq": ("zmq",),
        "ruamel-yaml": ("ruamel",),
        "scikit-image": ("skimage",),
        "scikit-learn": ("sklearn",),
        "setuptools": ("setuptools", "pkg_resources", "_distutils_hack"),
        "websocket-client": ("websocket",),
    }
)
