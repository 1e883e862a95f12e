"""SP705 missing-project-file: a required top-level project file is missing."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    COMPOSE_FILE_NAMES,
    REQUIRED_PROJECT_FILES,
    SERVICE_DEPENDENCIES,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingProjectFile"]

COMPOSE_FILE = "docker-compose.yml"
REQUIRED_FILES_TEXT = MappingProxyType(dict.fromkeys(REQUIRED_PROJECT_FILES, "x\n"))


class MissingProjectFile(ProjectRule):
    """Flags each missing top-level file the ruleset's project tree requires.

    Ruleset section 1 lists ``pyproject.toml``, ``uv.lock``, ``Dockerfile``,
    ``.env.example``, ``.gitignore``, ``.dockerignore`` and ``README.md`` at the
    project root: reproducible installs, the container build, the documented
    configuration and the ignore rules that keep secrets out of git and images.
    When the project depends on a database, cache or broker (sqlalchemy,
    psycopg, asyncpg, redis, celery, arq), section 9.3 also requires a compose
    file (``docker-compose.yml``, ``compose.yaml`` or their ``.yml``/``.yaml``
    variants). One finding per missing file, at the path where it is expected.
    """

    CODE = "SP705"
    NAME = "missing-project-file"
    MESSAGE = "Project file '{expected}' is missing"
    FIX_HINT = "Add the file at the project root"
    RULESET_REF = "1, 9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType(REQUIRED_FILES_TEXT)),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    name: text
                    for name, text in REQUIRED_FILES_TEXT.items()
                    if name != "uv.lock"
                }
            ),
            path="uv.lock",
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    **REQUIRED_FILES_TEXT,
                    "pyproject.toml": (
                        '[project]\nname = "shop"\ndependencies = ["redis>=5"]\n'
                    ),
                }
            ),
            path=COMPOSE_FILE,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each required file that does not exist.

        Args:
            ctx: The project.

        Yields:
            One finding per missing file.
        """
        for path in REQUIRED_PROJECT_FILES:
            if not ctx.exists(path):
                yield self.finding(ctx, path, expected=path)
        needs_compose = bool(ctx.dependency_names & SERVICE_DEPENDENCIES)
        if needs_compose and not any(ctx.exists(name) for name in COMPOSE_FILE_NAMES):
            yield self.finding(ctx, COMPOSE_FILE, expected=COMPOSE_FILE)
