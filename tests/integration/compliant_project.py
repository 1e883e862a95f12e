"""A small project that follows the whole ruleset, built from strictpy's ruleset data.

Integration tests write it into ``tmp_path`` and expect ``strictpy check`` to
find nothing; per-rule tests change one file and expect exactly that rule's
findings. The texts come from the same constants the rules compare against, so
the project stays compliant when the ruleset data changes.
"""

from __future__ import annotations

import shutil
import subprocess
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.containers.compliant_files import (
    compliant_dockerfile,
    compliant_dockerignore,
    compliant_gitignore,
)
from strictpy.domain.ruleset_data import (
    CORE_DEPENDENCIES,
    DEV_DEPENDENCIES,
    LAYER_PACKAGES,
    PYTEST_CONFIG_TOML,
    RUFF_CONFIG_TOML,
    TEST_SCAFFOLD,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = ["PACKAGE", "compliant_project", "write_project"]

PACKAGE = "shop"
VERSION = ">=1.0"
GIT_TIMEOUT_SECONDS = 60

CONFIG = '''"""Application settings, read from the environment and a .env file."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Settings of the shop service.

    Attributes:
        log_level: Level of the service's logs.
    """

    model_config = SettingsConfigDict(env_prefix="SHOP_", env_file=".env")

    log_level: Literal["DEBUG", "INFO", "WARNING"] = "INFO"
'''
EXCEPTIONS = '''"""The service's exception hierarchy."""

__all__ = [
    "AppError",
    "ConfigurationError",
    "ExternalServiceError",
    "NotFoundError",
    "ValidationError",
]


class AppError(Exception):
    """Base exception for the application."""


class ValidationError(AppError):
    """Raised when input validation fails."""


class NotFoundError(AppError):
    """Raised when a requested resource is not found."""


class ExternalServiceError(AppError):
    """Raised when an external service call fails."""


class ConfigurationError(AppError):
    """Raised when application configuration is invalid."""
'''
LOGGING = '''"""Structured JSON logging for the shop service."""

import json
import logging
import logging.config

__all__ = ["JsonFormatter", "configure_logging"]


class JsonFormatter(logging.Formatter):
    """Render log records as JSON lines."""

    def format(self, record: logging.LogRecord) -> str:
        """Render one record.

        Args:
            record: The log record.

        Returns:
            The JSON text.
        """
        payload = {
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        return json.dumps(payload)


def configure_logging(level: str) -> None:
    """Configure logging with the JSON formatter.

    Args:
        level: The log level.
    """
    logging.config.dictConfig(
        {
            "version": 1,
            "formatters": {"json": {"()": JsonFormatter}},
            "handlers": {
                "stderr": {"class": "logging.StreamHandler", "formatter": "json"}
            },
            "root": {"handlers": ["stderr"], "level": level},
        }
    )
'''
CLI = '''"""Command line of the shop service."""

import logging

from shop.config import Settings
from shop.logging import configure_logging

__all__ = ["main"]

logger = logging.getLogger(__name__)


def main() -> int:
    """Start the service.

    Returns:
        The process exit code.
    """
    settings = Settings()
    configure_logging(settings.log_level)
    logger.info("shop started")
    return 0
'''
MAIN = '''"""Entry point: ``python -m shop``."""

from shop.api.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
'''
CONFTEST = '''"""Global fixtures."""

import pytest

from shop.config import Settings


@pytest.fixture
def settings() -> Settings:
    """Provide settings with their defaults.

    Returns:
        The settings.
    """
    return Settings()
'''
TESTS = MappingProxyType(
    {
        "tests/unit/test_config.py": '''"""Tests for the settings."""

from shop.config import Settings


def test_default_log_level() -> None:
    """The level defaults to INFO."""
    assert Settings().log_level == "INFO"
''',
        "tests/unit/test_exceptions.py": '''"""Tests for the exception hierarchy."""

from shop.exceptions import AppError, NotFoundError


def test_hierarchy() -> None:
    """Every error is an AppError."""
    assert issubclass(NotFoundError, AppError)
''',
        "tests/unit/test_logging.py": '''"""Tests for the JSON logging."""

import json
import logging

from shop.logging import JsonFormatter


def test_format_is_json() -> None:
    """Records render as JSON objects."""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert json.loads(JsonFormatter().format(record))["message"] == "hello"
''',
        "tests/unit/test_cli.py": '''"""Tests for the command line."""

from shop.api.cli import main


def test_main_returns_zero() -> None:
    """The service starts cleanly."""
    assert main() == 0
''',
    }
)


def _requirements(names: tuple[str, ...]) -> tuple[str, ...]:
    """Return requirement strings for distribution names.

    Args:
        names: Distribution names.

    Returns:
        ``name>=1.0`` for each.
    """
    return tuple(f"{name}{VERSION}" for name in names)


def _toml_list(items: tuple[str, ...]) -> str:
    """Render strings as a TOML array.

    Args:
        items: The strings.

    Returns:
        The array's text.
    """
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _lock_entries(names: tuple[str, ...]) -> str:
    """Render uv.lock requirement tables.

    Args:
        names: Distribution names.

    Returns:
        The array's text.
    """
    entries = ", ".join(
        f'{{ name = "{name}", specifier = "{VERSION}" }}' for name in sorted(names)
    )
    return f"[{entries}]"


def _pyproject() -> str:
    """Return the project's pyproject.toml.

    Returns:
        Metadata, dependencies and the ruleset's Ruff and pytest blocks.
    """
    return (
        "[project]\n"
        f'name = "{PACKAGE}"\n'
        'version = "0.1.0"\n'
        'description = "A compliant example service."\n'
        'requires-python = ">=3.13"\n'
        f"dependencies = {_toml_list(_requirements(CORE_DEPENDENCIES))}\n"
        "\n[dependency-groups]\n"
        f"dev = {_toml_list(_requirements(DEV_DEPENDENCIES))}\n\n"
        f"{RUFF_CONFIG_TOML}\n{PYTEST_CONFIG_TOML}"
    )


def _lock() -> str:
    """Return a uv.lock that records the pyproject's requirements.

    Returns:
        The lock file's text.
    """
    return (
        'version = 1\nrevision = 3\nrequires-python = ">=3.13"\n\n'
        f'[[package]]\nname = "{PACKAGE}"\nversion = "0.1.0"\n'
        'source = { editable = "." }\n\n'
        f"[package.metadata]\nrequires-dist = {_lock_entries(CORE_DEPENDENCIES)}\n\n"
        f"[package.metadata.requires-dev]\ndev = {_lock_entries(DEV_DEPENDENCIES)}\n"
    )


def compliant_project() -> dict[str, str]:
    """Return the files of a project that passes every strictpy rule.

    Returns:
        Relative path to text.
    """
    source = f"src/{PACKAGE}"
    files = {
        "pyproject.toml": _pyproject(),
        "uv.lock": _lock(),
        "README.md": "# shop\n\nA compliant example service.\n",
        ".env.example": "SHOP_LOG_LEVEL=INFO\n",
        ".gitignore": compliant_gitignore(),
        ".dockerignore": compliant_dockerignore(),
        "Dockerfile": compliant_dockerfile(PACKAGE),
        f"{source}/__init__.py": '"""The shop service."""\n',
        f"{source}/__main__.py": MAIN,
        f"{source}/config.py": CONFIG,
        f"{source}/exceptions.py": EXCEPTIONS,
        f"{source}/logging.py": LOGGING,
        f"{source}/api/cli.py": CLI,
        "tests/conftest.py": CONFTEST,
        **TESTS,
    }
    for layer in LAYER_PACKAGES:
        files.setdefault(f"{source}/{layer}/__init__.py", f'"""The {layer} layer."""\n')
    for path in TEST_SCAFFOLD:
        files.setdefault(path, '"""Tests."""\n')
    return files


def write_project(
    root: Path, files: Mapping[str, str | None], *, git: bool = False
) -> None:
    """Write a project's files (None deletes a file) and optionally track them.

    Args:
        root: The project folder.
        files: Relative path to text, or None to remove the file.
        git: Whether to make the folder a git work tree with every file added
            (``uv.lock`` force-added, as the ruleset's docs explain).
    """
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    executable = shutil.which("git")
    if not git or executable is None:
        return
    for arguments in (["init", "-q"], ["add", "-A"], ["add", "-f", "uv.lock"]):
        subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [executable, *arguments],
            cwd=root,
            check=True,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
        )
