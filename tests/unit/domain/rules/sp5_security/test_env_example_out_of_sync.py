"""Tests for SP507 env-example-out-of-sync."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP507"
ENV = ".env.example"
CONFIG = "src/shop/config.py"
HEADER = (
    '"""Settings."""\nfrom pydantic import AliasChoices, BaseModel, Field\n'
    "from pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n"
)


def _settings(body: str, config: str = 'env_prefix="SHOP_", env_file=".env"') -> str:
    """Write a settings module.

    Args:
        body: Field lines (indented).
        config: SettingsConfigDict arguments.

    Returns:
        The module text.
    """
    return (
        HEADER
        + 'class Settings(BaseSettings):\n    """S."""\n\n'
        + f"    model_config = SettingsConfigDict({config})\n"
        + body
    )


def test_in_sync_with_prefix_alias_and_case() -> None:
    """Prefixed names, aliases (AliasChoices) and lower-case keys match."""
    body = (
        "    database_url: str\n"
        '    token: str = Field(validation_alias=AliasChoices("API_TOKEN", "TOKEN"))\n'
        "    debug: bool = False\n"
    )
    env = "shop_database_url=<url>\nTOKEN=changeme\nSHOP_DEBUG=false\n"
    assert locations(CODE, {CONFIG: _settings(body), ENV: env}) == []


def test_missing_required_field() -> None:
    """A field without default missing from the template: no line."""
    body = "    database_url: str\n    secret: str = Field(...)\n    port: int = Field(8000)\n"
    found = findings_of(CODE, {CONFIG: _settings(body), ENV: "SHOP_DATABASE_URL=x\n"})
    assert [(f.path, f.line) for f in found] == [(ENV, None)]
    assert "'SHOP_SECRET'" in found[0].message


def test_unknown_key_reported_at_line() -> None:
    """Keys no field reads are reported at their line; compose keys allowed."""
    env = "SHOP_DEBUG=1\nSHOP_DEBGU=1\nPOSTGRES_PASSWORD=changeme\nSTRAY=1\n"
    files = {
        CONFIG: _settings("    debug: bool = False\n"),
        ENV: env,
        "docker-compose.yml": "services:\n  db:\n    environment:\n"
        "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
    }
    assert locations(CODE, files) == [(ENV, 2), (ENV, 4)]


def test_nested_delimiter() -> None:
    """With env_nested_delimiter, SHOP_DB__HOST reads the nested field."""
    body = "    db: Database\n"
    nested = 'class Database(BaseModel):\n    """Db."""\n\n    host: str\n\n\n'
    text = (
        HEADER
        + nested
        + _settings(body, 'env_prefix="SHOP_", env_nested_delimiter="__"').removeprefix(
            HEADER
        )
    )
    assert locations(CODE, {CONFIG: text, ENV: "SHOP_DB__HOST=db\n"}) == []


def test_case_sensitive_settings() -> None:
    """case_sensitive=True: a lower-case key is another variable."""
    files = {
        CONFIG: _settings(
            "    debug: bool = False\n", 'env_prefix="APP_", case_sensitive=True'
        ),
        ENV: "app_debug=1\n",
    }
    assert locations(CODE, files) == [(ENV, 1)]


def test_inherited_fields_and_class_keyword_prefix() -> None:
    """A subclass inherits fields; class keywords configure the prefix."""
    text = (
        HEADER
        + 'class Base(BaseSettings, env_prefix="X_"):\n    """B."""\n\n    name: str\n\n\n'
        + 'class Settings(Base):\n    """S."""\n\n    port: int = 1\n'
    )
    assert locations(CODE, {CONFIG: text, ENV: "X_NAME=a\nX_PORT=2\n"}) == []


def test_non_literal_prefix_skips_unknown_keys() -> None:
    """A computed env_prefix cannot be judged: no extra-key findings."""
    files = {
        CONFIG: _settings("    debug: bool = False\n", "env_prefix=PREFIX"),
        ENV: "Q=1\n",
    }
    assert locations(CODE, files) == []


def test_silent_without_template_or_settings() -> None:
    """No .env.example or no settings class: silent."""
    assert locations(CODE, {CONFIG: _settings("    a: str\n")}) == []
    assert locations(CODE, {ENV: "A=1\n", "src/shop/a.py": '"""A."""\n'}) == []
