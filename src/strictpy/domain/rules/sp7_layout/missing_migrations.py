"""SP713 missing-migrations: a SQLAlchemy project without Alembic migrations."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    ALEMBIC_INI,
    MIGRATION_FOLDERS,
    SQL_DEPENDENCIES,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingMigrations"]

PYPROJECT = '[project]\nname = "shop"\ndependencies = ["sqlalchemy>=2"]\n'


class MissingMigrations(ProjectRule):
    """Flags a project depending on SQLAlchemy without ``alembic.ini`` and a migrations folder.

    Ruleset section 10.3: schema changes ship as Alembic migrations, run by a
    separate service at start-up. Without ``alembic.ini`` and an ``alembic/``
    (or ``migrations/``) folder, the schema lives only in the models and every
    deployment depends on someone running DDL by hand. The finding points at
    ``alembic.ini`` and names what is missing.
    """

    CODE = "SP713"
    NAME = "missing-migrations"
    MESSAGE = "The project uses SQLAlchemy but has no {missing}"
    FIX_HINT = "Run 'uv run alembic init alembic' and commit the migrations"
    RULESET_REF = "10.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT,
                    "alembic.ini": "[alembic]\nscript_location = alembic\n",
                    "alembic/env.py": '"""Alembic environment."""\n',
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({"pyproject.toml": PYPROJECT}),
            path=ALEMBIC_INI,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a SQLAlchemy project without its migration set-up.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        if not ctx.dependency_names & SQL_DEPENDENCIES:
            return
        missing: list[str] = []
        if not ctx.exists(ALEMBIC_INI):
            missing.append(f"'{ALEMBIC_INI}'")
        if not any(ctx.exists(folder) for folder in MIGRATION_FOLDERS):
            missing.append("'alembic/' (or 'migrations/') folder")
        if missing:
            yield self.finding(ctx, ALEMBIC_INI, missing=" and no ".join(missing))
