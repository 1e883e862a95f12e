"""SP707 settings-not-pydantic: ``config.py`` has no pydantic-settings class reading ``.env``."""

from __future__ import annotations

import ast
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["SettingsNotPydantic", "reads_dotenv"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

ENV_FILE_PREFIX = ".env"


def reads_dotenv(value: str | None) -> bool:
    """Tell whether an ``env_file`` setting (source text) reads a ``.env`` file.

    Args:
        value: The setting's source text, or None when it is not set.

    Returns:
        True for a literal path (or tuple of paths) whose file name starts with
        ``.env``, and for any non-literal expression (it cannot be judged);
        False when unset, ``None`` or naming other files only.
    """
    if value is None:
        return False
    try:
        literal = ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return True
    paths = literal if isinstance(literal, (tuple, list)) else (literal,)
    return any(
        isinstance(path, str) and PurePosixPath(path).name.startswith(ENV_FILE_PREFIX)
        for path in paths
    )


CONFIG_OK = '''"""Settings."""
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings."""

    model_config = SettingsConfigDict(env_file=".env")
    log_level: str = "INFO"
'''


class SettingsNotPydantic(ProjectRule):
    """Flags a ``config.py`` without a ``BaseSettings`` subclass whose ``model_config`` reads ``.env``.

    Ruleset sections 2 and 4.1 put every setting and secret in a
    pydantic-settings class in ``config.py``, read from the environment and a
    ``.env`` file (``env_file``): one validated, typed place instead of
    ``os.environ`` lookups scattered through the code. Subclasses of a project
    base class that derives from ``BaseSettings`` count, and inherited or
    class-keyword configuration too. A non-literal ``env_file`` is accepted,
    since it cannot be evaluated. Silent when ``config.py`` does not exist
    (SP702 reports that).
    """

    CODE = "SP707"
    NAME = "settings-not-pydantic"
    MESSAGE = "'{module}' {problem}"
    FIX_HINT = (
        "Define 'class Settings(BaseSettings)' with "
        "'model_config = SettingsConfigDict(env_file=\".env\")'"
    )
    RULESET_REF = "2, 4.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PACKAGE_INIT: PACKAGE_DOC, "src/shop/config.py": CONFIG_OK}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": (
                        '"""Settings."""\nimport os\n\nDEBUG = os.getenv("DEBUG")\n'
                    ),
                }
            ),
            path="src/shop/config.py",
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG_OK.replace('env_file=".env"', ""),
                }
            ),
            path="src/shop/config.py",
            line=5,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a missing settings class or one that ignores ``.env``.

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
            yield self.finding(
                ctx, path, module=path, problem="defines no BaseSettings subclass"
            )
            return
        if not any(
            reads_dotenv(ctx.classes.config(record.qualname).get("env_file"))
            for record in settings
        ):
            first = settings[0]
            yield self.finding(
                ctx,
                path,
                first.fact.line,
                module=path,
                problem=f"settings class '{first.fact.name}' does not read .env "
                "(no env_file in model_config)",
            )
