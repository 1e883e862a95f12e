"""SP808 unused-dependency: a declared dependency that nothing in the project uses."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.dependency_map import (
    import_names,
    normalize_distribution,
    requirement_name,
)
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.facts import url_drivers
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import COMPOSE_FILE_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["UnusedDependency"]

PYPROJECT = "pyproject.toml"
DEPENDENCIES = ("project", "dependencies")
CONTAINER_FILES = ("Dockerfile", *COMPOSE_FILE_NAMES)
URL_FILES = (".env.example", "alembic.ini", *COMPOSE_FILE_NAMES)
# Distributions another declared dependency uses without an import in the
# project's code: FastAPI's form parsing, pydantic's e-mail type, SQLAlchemy's
# asyncio bridge, uvicorn's fast loop and parser.
IMPLICIT_USES = MappingProxyType(
    {
        "python-multipart": "fastapi",
        "email-validator": "pydantic",
        "greenlet": "sqlalchemy",
        "uvloop": "uvicorn",
        "httptools": "uvicorn",
    }
)
SETTINGS = '''"""Settings."""
from pydantic_settings import BaseSettings
'''


def _mentions(text: str, name: str) -> bool:
    """Tell whether a text names a command as a whole word.

    Args:
        text: A Dockerfile or compose file.
        name: The command (``uvicorn``).

    Returns:
        True when the name appears, not as part of a longer word.
    """
    pattern = r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


class UnusedDependency(ProjectRule):
    """Flags a ``[project].dependencies`` entry that nothing in the project uses.

    Ruleset sections 2 and 5.1: dependencies are added deliberately with
    ``uv add`` and only when the project requires them ("do not include
    context-dependent components unless the project explicitly requires
    them"). An unused runtime dependency bloats the image and widens the
    attack surface (section 4.5). A dependency is used when a non-test Python
    file of the project (``src/``, migrations, scripts) imports one of its
    modules, when a database URL names it as a driver
    (``postgresql+asyncpg://``), or when the Dockerfile or compose file runs it
    as a command (``uvicorn``, ``gunicorn``, ``alembic``, ``ruff``). Module
    names come from the installed environment when it describes the project,
    else from a table of distributions whose import name differs
    (``pydantic-settings`` -> ``pydantic_settings``). A few helpers used only
    through another dependency are accepted when that dependency is declared
    (``python-multipart`` for FastAPI, ``email-validator`` for pydantic,
    ``greenlet`` for SQLAlchemy, ``uvloop``/``httptools`` for uvicorn).
    """

    CODE = "SP808"
    NAME = "unused-dependency"
    MESSAGE = (
        "Dependency '{name}' is never imported, named as a driver or run as a command"
    )
    FIX_HINT = "Remove it with 'uv remove <name>', or use it"
    RULESET_REF = "2, 5.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    PYPROJECT: '[project]\ndependencies = ["pydantic-settings>=2"]\n',
                    "src/shop/config.py": SETTINGS,
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: (
                        "[project]\ndependencies = [\n"
                        '    "pydantic-settings>=2",\n    "requests>=2",\n]\n'
                    ),
                    "src/shop/config.py": SETTINGS,
                }
            ),
            path=PYPROJECT,
            line=4,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each declared dependency without a use.

        Args:
            ctx: The project.

        Yields:
            One finding per unused dependency, in declaration order.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        imported = {
            fact.module.split(".", 1)[0]
            for facts in ctx.code_facts
            for fact in facts.imports
            if fact.module and not fact.module.startswith(".")
        }
        drivers = {driver for facts in ctx.code_facts for driver in facts.url_drivers}
        for name in URL_FILES:
            drivers.update(url_drivers(ctx.texts.get(name, "")))
        commands = "\n".join(ctx.texts.get(name, "") for name in CONTAINER_FILES)
        own = normalize_distribution(pyproject.name or "")
        declared = pyproject.dependency_names
        for spec in pyproject.dependencies:
            raw = requirement_name(spec)
            if raw is None or normalize_distribution(raw) == own:
                continue
            name = normalize_distribution(raw)
            modules = import_names(name, ctx.installed)
            if modules & imported or IMPLICIT_USES.get(name) in declared:
                continue
            if {name, *(module.lower() for module in modules)} & drivers:
                continue
            if any(_mentions(commands, word) for word in {name, *modules}):
                continue
            yield self.finding(
                ctx,
                PYPROJECT,
                pyproject.dependency_line(DEPENDENCIES, spec),
                name=raw,
            )
