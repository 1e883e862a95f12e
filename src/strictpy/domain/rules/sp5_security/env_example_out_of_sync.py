"""SP507 env-example-out-of-sync: ``.env.example`` and the settings fields disagree."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import COMPOSE_FILE_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.class_index import ClassRecord
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["EnvExampleOutOfSync", "SettingsVariables", "settings_variables"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

ENV_EXAMPLE = ".env.example"
# What a config value that is not a literal evaluates to: it cannot be judged.
NOT_LITERAL = object()
CONFIG = '''"""Settings."""
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings."""

    model_config = SettingsConfigDict(env_prefix="SHOP_", env_file=".env")
    database_url: str
    api_token: str = Field(alias="PAYMENT_API_TOKEN")
    log_level: str = "INFO"
'''


def _literal(text: str | None) -> object:
    """Evaluate a config value's source text when it is a literal.

    Args:
        text: The source text, or None when the key is not set.

    Returns:
        The value; None when unset; ``NOT_LITERAL`` when not a literal.
    """
    if text is None:
        return None
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return NOT_LITERAL


@dataclass(frozen=True, slots=True)
class SettingsVariables:
    """The environment variables one settings class reads.

    Attributes:
        name: The class name.
        required: For each field without default, the names that satisfy it.
        names: Every variable name any field reads.
        delimiter: ``env_nested_delimiter`` (normalised), or ``""``.
        case_sensitive: Whether names compare case-sensitively.
        known: False when ``env_prefix`` is not a literal (nothing can be said).
    """

    name: str
    required: tuple[tuple[str, tuple[str, ...]], ...]
    names: frozenset[str]
    delimiter: str
    case_sensitive: bool
    known: bool = True

    def normal(self, key: str) -> str:
        """Return a key as this class compares it.

        Args:
            key: A variable name.

        Returns:
            The key, upper-cased unless the class is case-sensitive.
        """
        return key if self.case_sensitive else key.upper()

    def matches(self, key: str, names: frozenset[str] | tuple[str, ...]) -> bool:
        """Tell whether a variable is one of some names or nested below one.

        Args:
            key: The variable name.
            names: Normalised variable names of fields.

        Returns:
            True for ``NAME`` and, with a nested delimiter, ``NAME<delimiter>...``.
        """
        wanted = self.normal(key)
        if wanted in names:
            return True
        return bool(self.delimiter) and any(
            wanted.startswith(name + self.delimiter) for name in names
        )

    def reads(self, key: str) -> bool:
        """Tell whether the class reads a variable.

        Args:
            key: The variable name.

        Returns:
            True when some field reads it (directly or as a nested field).
        """
        return self.matches(key, self.names)


def _normal(key: str, *, case_sensitive: bool) -> str:
    """Normalise a variable name for comparison.

    Args:
        key: The name.
        case_sensitive: Whether case matters.

    Returns:
        The name, upper-cased unless case matters.
    """
    return key if case_sensitive else key.upper()


def settings_variables(ctx: ProjectContext, record: ClassRecord) -> SettingsVariables:
    """Compute the variables a settings class reads.

    pydantic-settings reads ``env_prefix`` + field name, or a field's alias
    (``alias``/``validation_alias``, without prefix); names are
    case-insensitive unless ``case_sensitive=True``; with
    ``env_nested_delimiter`` a field is also read as ``<NAME><delimiter>...``.

    Args:
        ctx: The project.
        record: The settings class.

    Returns:
        Its variables.
    """
    config = ctx.classes.config(record.qualname)
    prefix = _literal(config.get("env_prefix")) or ""
    case_sensitive = _literal(config.get("case_sensitive")) is True
    delimiter = _literal(config.get("env_nested_delimiter"))
    if not isinstance(prefix, str) or (
        delimiter is not None and not isinstance(delimiter, str)
    ):
        return SettingsVariables(
            record.fact.name, (), frozenset(), "", case_sensitive=False, known=False
        )
    required: list[tuple[str, tuple[str, ...]]] = []
    names: set[str] = set()
    for field in ctx.classes.fields(record.qualname).values():
        keys = tuple(
            _normal(alias, case_sensitive=case_sensitive) for alias in field.aliases
        ) or (_normal(prefix + field.name, case_sensitive=case_sensitive),)
        names.update(keys)
        if not field.has_default:
            required.append((field.name, keys))
    return SettingsVariables(
        record.fact.name,
        tuple(required),
        frozenset(names),
        _normal(delimiter or "", case_sensitive=case_sensitive),
        case_sensitive,
    )


class EnvExampleOutOfSync(ProjectRule):
    """Flags a required settings variable missing from ``.env.example``, or a key nothing reads.

    Ruleset section 4.1 reads every setting through pydantic-settings, and 4.2
    makes ``.env.example`` the template of the environment. A required field
    (no default) missing from the template fails at start-up on a fresh
    deployment; a key no settings field reads is a typo or a leftover that
    someone will set in vain. Variables are ``env_prefix`` + field name (or the
    field's ``alias``/``validation_alias``), case-insensitive unless
    ``case_sensitive``; with ``env_nested_delimiter``, ``<FIELD><delimiter>...``
    keys read nested fields. Keys that a compose file interpolates
    (``${KEY}``) are read by compose and accepted. Silent without
    ``.env.example`` (SP505) or without a settings class.
    """

    CODE = "SP507"
    NAME = "env-example-out-of-sync"
    MESSAGE = "{problem}"
    FIX_HINT = "Keep .env.example's keys equal to the variables the settings read"
    RULESET_REF = "4.1, 4.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG,
                    ENV_EXAMPLE: "SHOP_DATABASE_URL=<url>\nPAYMENT_API_TOKEN=changeme\n",
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG,
                    ENV_EXAMPLE: "SHOP_DATABASE_URL=<url>\nSHOP_API_TOKEN=changeme\n",
                }
            ),
            path=ENV_EXAMPLE,
            line=2,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/config.py": CONFIG,
                    ENV_EXAMPLE: "PAYMENT_API_TOKEN=x\n",
                }
            ),
            path=ENV_EXAMPLE,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report missing required variables and keys nothing reads.

        Args:
            ctx: The project.

        Yields:
            Findings for missing variables (no line), then unread keys.
        """
        env = ctx.env_example
        classes = ctx.classes.settings_classes()
        if env is None or not classes:
            return
        readers = [settings_variables(ctx, record) for record in classes]
        for reader in readers:
            for field, keys in reader.required:
                if not any(reader.matches(entry.key, keys) for entry in env.entries):
                    yield self.finding(
                        ctx,
                        ENV_EXAMPLE,
                        problem=(
                            f"Required setting '{reader.name}.{field}' ('{keys[0]}') "
                            f"is missing from {ENV_EXAMPLE}"
                        ),
                    )
        if not all(reader.known for reader in readers):
            return
        compose = " ".join(ctx.texts.get(name, "") for name in COMPOSE_FILE_NAMES)
        for entry in env.entries:
            if any(reader.reads(entry.key) for reader in readers):
                continue
            if re.search(r"\$\{?" + re.escape(entry.key) + r"\b", compose):
                continue
            yield self.finding(
                ctx,
                ENV_EXAMPLE,
                entry.line,
                problem=f"Key '{entry.key}' is read by no settings field",
            )
