"""Options of ``strictpy new``: the project name, its components, template values.

The name becomes the import package, so it must be a lowercase identifier that
is no keyword and shadows neither a standard-library module nor one of the
scaffold's own dependencies.
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from strictpy.exceptions import ValidationError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Cache",
    "CliFramework",
    "Database",
    "HttpFramework",
    "ScaffoldOptions",
    "ScaffoldOutcome",
    "validate_package_name",
]

PACKAGE_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Import names a project must not take: the scaffold's own dependencies and the
# folders of the layout.
RESERVED_NAMES = frozenset(
    {
        "alembic",
        "factory",
        "fastapi",
        "httpx",
        "psycopg",
        "pydantic",
        "pydantic_settings",
        "pytest",
        "pytest_cov",
        "pytest_mock",
        "redis",
        "ruff",
        "sqlalchemy",
        "src",
        "test",
        "tests",
        "typer",
        "uvicorn",
    }
)


class HttpFramework(StrEnum):
    """The HTTP frameworks ``strictpy new`` can scaffold."""

    FASTAPI = "fastapi"


class CliFramework(StrEnum):
    """The command-line frameworks ``strictpy new`` can scaffold (default: argparse)."""

    TYPER = "typer"


class Database(StrEnum):
    """The SQL databases ``strictpy new`` can scaffold."""

    POSTGRES = "postgres"


class Cache(StrEnum):
    """The caches ``strictpy new`` can scaffold."""

    REDIS = "redis"


@dataclass(frozen=True, slots=True)
class ScaffoldOptions:
    """The context-dependent components of a new project (none by default).

    Attributes:
        http: The HTTP framework, if the project serves HTTP.
        cli: The command-line framework (argparse when None).
        db: The SQL database, if any.
        cache: The cache, if any.
    """

    http: HttpFramework | None = None
    cli: CliFramework | None = None
    db: Database | None = None
    cache: Cache | None = None

    @property
    def components(self) -> tuple[str, ...]:
        """The chosen components, by option name.

        Returns:
            Some of ``http``, ``cli``, ``db``, ``cache``, in that order.
        """
        chosen = (("http", self.http), ("cli", self.cli), ("db", self.db))
        return tuple(
            name
            for name, value in (*chosen, ("cache", self.cache))
            if value is not None
        )


@dataclass(frozen=True, slots=True)
class ScaffoldOutcome:
    """What ``strictpy new`` did.

    Attributes:
        folder: The new project's folder.
        files: The relative paths written, sorted.
        notices: One-line warnings (the lock file could not be created...).
    """

    folder: Path
    files: tuple[str, ...]
    notices: tuple[str, ...] = ()


def validate_package_name(name: str) -> str:
    """Check that a name can be the project's import package.

    Args:
        name: The name given to ``strictpy new``.

    Raises:
        ValidationError: If it is not a lowercase identifier, is a keyword,
            shadows a standard-library module, or is a name the scaffold uses.

    Returns:
        The name.
    """
    problem = None
    if not PACKAGE_NAME.fullmatch(name):
        problem = "use lowercase letters, digits and '_', starting with a letter"
    elif keyword.iskeyword(name) or keyword.issoftkeyword(name):
        problem = "it is a Python keyword"
    elif name in sys.stdlib_module_names:
        problem = "it would shadow the standard-library module of that name"
    elif name in RESERVED_NAMES:
        problem = "it would shadow a dependency or folder of the project"
    if problem is not None:
        message = f"invalid project name '{name}': {problem} (for example 'my_app')"
        raise ValidationError(message)
    return name
