"""SP409 log-level-not-configurable: the settings class has no log-level field."""

from __future__ import annotations

import itertools
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.secret_names import name_words

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.facts import FieldFact
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["LogLevelNotConfigurable", "is_log_level_name"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

CONFIG = '''"""Settings."""
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings."""

    model_config = SettingsConfigDict(env_file=".env")
    database_url: str
{extra}'''


def is_log_level_name(name: str) -> bool:
    """Tell whether a field or variable name denotes a log level.

    Args:
        name: A field name or alias (``log_level``, ``LOGGING_LEVEL``,
            ``loglevel``).

    Returns:
        True when its words include ``log``/``logging`` followed by ``level``,
        or the word ``loglevel``.
    """
    words = name_words(name)
    if "loglevel" in words:
        return True
    return any(
        first in {"log", "logging"} and second == "level"
        for first, second in itertools.pairwise(words)
    )


def _is_log_level_field(field: FieldFact) -> bool:
    """Tell whether a settings field holds the log level.

    Args:
        field: The field.

    Returns:
        True when its name or one of its aliases is a log-level name.
    """
    return any(is_log_level_name(name) for name in (field.name, *field.aliases))


class LogLevelNotConfigurable(ProjectRule):
    """Flags a settings class in ``<pkg>/config.py`` without a log-level field.

    Ruleset section 7.2: the level is ``DEBUG`` locally, ``INFO`` in staging
    and ``WARNING`` in production, configurable via pydantic-settings. Without
    a field (``log_level``, ``logging_level``, or an alias such as
    ``LOG_LEVEL``) changing the level means changing code. Inherited fields
    count. The finding points at the first settings class of ``config.py``;
    silent when it defines none (SP707 reports that).
    """

    CODE = "SP409"
    NAME = "log-level-not-configurable"
    MESSAGE = "Settings class '{name}' has no log-level field"
    FIX_HINT = "Add a field such as 'log_level: str = \"INFO\"' to the settings class"
    RULESET_REF = "7.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG.replace(
                        "{extra}", '    log_level: str = "INFO"\n'
                    ),
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG.replace("{extra}", ""),
                }
            ),
            path="src/shop/config.py",
            line=5,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a configuration without a log-level setting.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        path = ctx.package_path("config.py")
        if path is None or path not in ctx.facts:
            return
        settings = ctx.classes.settings_classes(path)
        if not settings:
            return
        for record in settings:
            fields = ctx.classes.fields(record.qualname).values()
            if any(_is_log_level_field(field) for field in fields):
                return
        first = settings[0]
        yield self.finding(ctx, path, first.fact.line, name=first.fact.name)
