"""Configuration: defaults < ``[tool.strictpy]`` < ``STRICTPY_*``/.env < command line.

``Settings`` is a pydantic-settings class. Its sources are reordered so that the
values passed to the constructor (read from ``pyproject.toml``) rank *below* the
environment; command-line values are applied last by :func:`load_settings`.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from strictpy.exceptions import ConfigurationError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from pydantic_settings import PydanticBaseSettingsSource

__all__ = [
    "ENV_PREFIX",
    "RUFF_EXCLUDES",
    "Settings",
    "environment_fingerprint",
    "load_settings",
    "read_tool_table",
]

RUFF_EXCLUDES: tuple[str, ...] = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg",
    ".ipynb_checkpoints", ".mypy_cache", ".nox", ".pants.d", ".pyenv",
    ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv",
    ".vscode", "__pypackages__", "_build", "buck-out", "build", "dist",
    "node_modules", "site-packages", "venv",
)  # fmt: skip
CodeList = Annotated[tuple[str, ...], NoDecode]
ENV_PREFIX = "STRICTPY_"
DOTENV_FILE = ".env"


def _split(value: object) -> object:
    """Accept ``"SP1,SP2"`` as well as a list for list-valued settings.

    Args:
        value: The raw value from any source.

    Returns:
        A list for comma-separated strings, otherwise the value unchanged.
    """
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """strictpy's settings for one project root.

    Attributes:
        select: Codes or prefixes to enable; None enables every rule.
        ignore: Codes or prefixes to disable.
        extend_select: Codes or prefixes enabled on top of ``select``.
        per_file_ignores: Glob to codes disabled for matching files.
        exclude: Path patterns left out of discovery (default: the ruleset's).
        extend_exclude: More path patterns left out.
        package: The import package, when detection would guess wrong.
        max_methods: SP709's method limit per class.
        max_module_lines: SP709's line limit per module.
        ruff: Whether ruff's diagnostics are included.
        baseline: A baseline file of accepted findings.
        log_level: Level of strictpy's own JSON logs on stderr.
        debug: Show tracebacks of internal failures.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=DOTENV_FILE,
        env_file_encoding="utf-8",
        extra="forbid",
        frozen=True,
    )

    select: Annotated[tuple[str, ...] | None, NoDecode] = None
    ignore: CodeList = ()
    extend_select: CodeList = ()
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    exclude: CodeList = RUFF_EXCLUDES
    extend_exclude: CodeList = ()
    package: str | None = None
    max_methods: int = Field(default=20, ge=1)
    max_module_lines: int = Field(default=600, ge=1)
    ruff: bool = True
    baseline: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "WARNING"
    debug: bool = False

    _split_lists = field_validator(
        "select", "ignore", "extend_select", "exclude", "extend_exclude", mode="before"
    )(_split)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Rank the environment above the constructor values (pyproject).

        Args:
            settings_cls: The settings class.
            init_settings: Values passed to the constructor (from pyproject).
            env_settings: ``STRICTPY_*`` environment variables.
            dotenv_settings: ``STRICTPY_*`` keys of ``.env``.
            file_secret_settings: Secret files (unused).

        Returns:
            The sources, highest priority first.
        """
        del settings_cls, file_secret_settings
        return env_settings, dotenv_settings, init_settings


def read_tool_table(pyproject: Path) -> dict[str, Any]:
    """Read ``[tool.strictpy]`` from a ``pyproject.toml``.

    Args:
        pyproject: The file's path (it may not exist).

    Raises:
        ConfigurationError: If the file is not valid TOML, cannot be read, or the
            table has a key strictpy does not know.

    Returns:
        The table's values with keys in Python spelling.
    """
    if not pyproject.is_file():
        return {}
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        message = f"{pyproject.name}: cannot be read ({type(error).__name__})"
        raise ConfigurationError(message) from None
    except tomllib.TOMLDecodeError as error:
        message = f"{pyproject.name}: invalid TOML: {error}"
        raise ConfigurationError(message) from None
    table = document.get("tool", {}).get("strictpy", {})
    known = set(Settings.model_fields)
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known or name == "debug":
            message = f"unknown configuration key '{key}' in [tool.strictpy]"
            raise ConfigurationError(message)
        values[name] = value
    return values


def load_settings(pyproject: Path, overrides: Mapping[str, object]) -> Settings:
    """Build the settings of one project root.

    Args:
        pyproject: The root's ``pyproject.toml`` (it may not exist).
        overrides: Command-line values, already typed; None values are ignored.

    Raises:
        ConfigurationError: If a value or key is invalid; the message names it.

    Returns:
        The effective settings.
    """
    file_values = read_tool_table(pyproject)
    try:
        settings = Settings(**file_values)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "settings"
        message = (
            f"invalid configuration value for '{key.replace('_', '-')}': {first['msg']}"
        )
        raise ConfigurationError(message) from None
    update = {key: value for key, value in overrides.items() if value is not None}
    return settings.model_copy(update=update)


def environment_fingerprint(cwd: Path) -> str:
    """Fingerprint every environment input of the settings, without parsing them.

    A cached report may be replayed only when the ``STRICTPY_*`` variables and
    the ``.env`` file are exactly as they were.

    Args:
        cwd: The working folder (where ``.env`` is read from).

    Returns:
        A hex digest of the variables and the ``.env`` bytes.
    """
    digest = hashlib.blake2b(digest_size=16)
    for name, value in sorted(os.environ.items()):
        if name.upper().startswith(ENV_PREFIX):
            digest.update(f"{name}={value}\0".encode("utf-8", "surrogateescape"))
    try:
        digest.update((cwd / DOTENV_FILE).read_bytes())
    except OSError:
        digest.update(b"no .env")
    return digest.hexdigest()
