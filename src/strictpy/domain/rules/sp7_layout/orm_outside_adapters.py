"""SP712 orm-outside-adapters: database libraries imported outside ``adapters/``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.imports import imported_modules, top_level
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["DATABASE_LIBRARIES", "OrmOutsideAdapters"]

DATABASE_LIBRARIES = frozenset(
    {"sqlalchemy", "psycopg", "psycopg2", "asyncpg", "redis"}
)
ALLOWED_LAYERS = frozenset({"adapters", "config"})


class OrmOutsideAdapters(FileRule):
    """Flags ORM and database drivers imported in ``<pkg>`` outside ``adapters/``.

    Ruleset 1 (layer responsibilities): database repositories and caches are
    infrastructure and live in ``adapters/``; ``config.py`` may build their
    settings. ``sqlalchemy``, ``psycopg`` (and ``psycopg2``), ``asyncpg`` or
    ``redis`` imported by ``domain``, ``services``, ``api`` or ``utils`` ties
    business logic to a storage technology. Aliases
    (``import sqlalchemy as sa``) and type-only imports count.
    """

    CODE = "SP712"
    NAME = "orm-outside-adapters"
    MESSAGE = "'{module}' imported in '{layer}'; database access belongs in adapters/"
    FIX_HINT = "Move the database code to an adapter and depend on an interface"
    RULESET_REF = "1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport sqlalchemy as sa\n\nMETADATA = sa.MetaData()\n',
            path="src/app/adapters/db.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nimport sqlalchemy as sa\n\nMETADATA = sa.MetaData()\n',
            line=3,
            path="src/app/services/users.py",
        ),
    )

    @visits(cst.Import, cst.ImportFrom)
    def check(self, node: cst.Import | cst.ImportFrom) -> None:
        """Report database libraries imported outside the allowed places.

        Args:
            node: The import statement.
        """
        info = self.ctx.info
        if not info.in_package or info.layer in ALLOWED_LAYERS:
            return
        reported: set[str] = set()
        for module in imported_modules(node, self.ctx.names):
            top = top_level(module)
            if top in DATABASE_LIBRARIES and top not in reported:
                reported.add(top)
                layer = info.layer or "__init__"
                self.report(node, module=top, layer=layer)
