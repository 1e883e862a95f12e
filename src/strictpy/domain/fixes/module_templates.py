"""Texts of the package modules ``--fix`` and ``strictpy new`` write (ruleset 1, 2, 7).

``config``, ``exceptions`` and ``logging`` carry what the ruleset requires of
them (pydantic-settings reading ``.env`` with a log level; the ``AppError``
hierarchy; ``dictConfig`` with a JSON formatter); the others are a docstring.
Placeholders are ``{{name}}``; :func:`strictpy.domain.fixes.layout_files.render`
fills them in.
"""

from __future__ import annotations

__all__ = [
    "CONFIG",
    "EXCEPTIONS",
    "LAYER_INIT",
    "LOGGING",
    "MAIN_STANDALONE",
    "PACKAGE_INIT",
]

PACKAGE_INIT = '''"""The {{pkg}} package: {{description}}"""

__all__ = ["__version__"]

__version__ = "0.1.0"
'''


LAYER_INIT = '''"""The {{layer}} layer of {{pkg}}: {{responsibility}}"""
'''


MAIN_STANDALONE = '''"""Entry point: ``python -m {{pkg}}``."""

import logging
import sys

__all__ = ["main"]

logger = logging.getLogger(__name__)


def main() -> int:
    """Run the application.

    Returns:
        The process exit status.
    """
    logger.info("{{pkg}} started")
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


CONFIG = '''"""Application settings, read from ``{{prefix}}*`` variables and a ``.env`` file."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]

type LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Settings of {{dist}} (ruleset 2, 4.1, 7.2).

    Attributes:
        log_level: Level of the JSON logs: DEBUG locally, INFO in staging,
            WARNING in production.
{{field_docs}}    """

    model_config = SettingsConfigDict(
        env_prefix="{{prefix}}", env_file=".env", env_file_encoding="utf-8"
    )

    log_level: LogLevel = "INFO"
{{fields}}'''


EXCEPTIONS = '''"""The application's exception hierarchy (ruleset 7.1)."""

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


LOGGING = '''"""Structured logging: JSON lines on stderr, secrets masked (ruleset 7.2)."""

import json
import logging
import logging.config
import re
from datetime import UTC, datetime
from typing import override

__all__ = ["JsonFormatter", "configure_logging", "mask_secrets"]

SECRET_VALUE = re.compile(
    r"(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key)\\b(\\s*[=:]\\s*)\\S+"
)


def mask_secrets(text: str) -> str:
    """Replace the values of secret-like ``key=value`` pairs with ``***``.

    Args:
        text: A log message.

    Returns:
        The message with secret values masked.
    """
    return SECRET_VALUE.sub(r"\\1\\2***", text)


class JsonFormatter(logging.Formatter):
    """Formats each record as one JSON object."""

    @override
    def format(self, record: logging.LogRecord) -> str:
        """Render a record as a JSON line.

        Args:
            record: The log record.

        Returns:
            The JSON text.
        """
        payload = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_secrets(record.getMessage()),
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def configure_logging(level: str) -> None:
    """Configure logging with ``dictConfig`` and the JSON formatter.

    Args:
        level: The root log level (``DEBUG``, ``INFO``, ``WARNING``...).
    """
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": JsonFormatter}},
            "handlers": {
                "stderr": {
                    "class": "logging.StreamHandler",
                    "formatter": "json",
                    "stream": "ext://sys.stderr",
                }
            },
            "root": {"handlers": ["stderr"], "level": level},
        }
    )
'''
