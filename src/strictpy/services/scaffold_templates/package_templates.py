"""Templates of the package modules every project has (ruleset sections 1, 2, 7).

``__init__``, ``__main__``, ``config``, ``exceptions``, ``logging``, the layer
packages, a small health model and service, and the command line (argparse, or
Typer with ``--cli typer``). Optional blocks are joined in by the scaffold.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CLI_ARGPARSE",
    "CLI_TYPER",
    "CONFIG",
    "CONFIG_FIELDS",
    "EXCEPTIONS",
    "HEALTH_CHECKS",
    "HEALTH_REPORT",
    "LAYER_INIT",
    "LOGGING",
    "MAIN_CLI",
    "MAIN_STANDALONE",
    "MAIN_TYPER",
    "PACKAGE_INIT",
]

PACKAGE_INIT = '''"""The {{pkg}} package: {{description}}"""

__all__ = ["__version__"]

__version__ = "0.1.0"
'''

LAYER_INIT = '''"""The {{layer}} layer of {{pkg}}: {{responsibility}}"""
'''

MAIN_CLI = '''"""Entry point: ``python -m {{pkg}}``."""

import sys

from {{pkg}}.api.cli import main

if __name__ == "__main__":
    sys.exit(main())
'''

MAIN_TYPER = '''"""Entry point: ``python -m {{pkg}}``."""

from {{pkg}}.api.cli import main

if __name__ == "__main__":
    main()
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

# Per option: (attribute docs, field declarations) joined into CONFIG.
CONFIG_FIELDS = MappingProxyType(
    {
        "http": (
            "        host: Interface the HTTP server binds to.\n"
            "        port: Port the HTTP server listens on.\n",
            '    host: str = "127.0.0.1"\n    port: int = 8000\n',
        ),
        "db": (
            "        database_url: SQLAlchemy URL of the PostgreSQL database.\n"
            "        database_pool_size: Connections kept open in the pool.\n"
            "        database_max_overflow: Extra connections allowed under load.\n",
            "    database_url: str\n"
            "    database_pool_size: int = 5\n"
            "    database_max_overflow: int = 10\n",
        ),
        "cache": (
            "        redis_url: URL of the Redis cache.\n",
            '    redis_url: str = "redis://localhost:6379/0"\n',
        ),
    }
)

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

HEALTH_REPORT = '''"""The health report of the application and its dependencies (ruleset 8)."""

from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["OK", "HealthReport"]

OK = "ok"


@dataclass(frozen=True, slots=True)
class HealthReport:
    """The outcome of every health check.

    Attributes:
        checks: Check name to ``ok`` or ``error: <reason>``.
    """

    checks: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({})
    )

    @property
    def healthy(self) -> bool:
        """Whether every check passed.

        Returns:
            True when each check reports ``ok``.
        """
        return all(result == OK for result in self.checks.values())

    def as_dict(self) -> dict[str, object]:
        """Return the report in the ruleset's JSON shape.

        Returns:
            ``{"status": "healthy" | "unhealthy", "checks": {...}}``.
        """
        status = "healthy" if self.healthy else "unhealthy"
        return {"status": status, "checks": dict(self.checks)}
'''

HEALTH_CHECKS = '''"""Health checks: run each probe and collect the results (ruleset 8)."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from {{pkg}}.domain.health_report import HealthReport

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["check_health"]


def check_health(probes: Mapping[str, Callable[[], str]]) -> HealthReport:
    """Run every probe once.

    Args:
        probes: Check name to a probe returning ``ok`` or ``error: <reason>``.

    Returns:
        The report of all checks.
    """
    results = {name: probe() for name, probe in probes.items()}
    return HealthReport(MappingProxyType(results))
'''

CLI_ARGPARSE = '''"""Command line of {{dist}}: run the application or report its health."""

from __future__ import annotations

import argparse
import json
import logging
from typing import TYPE_CHECKING

{{cli_imports}}from {{pkg}}.api.probes import build_probes
from {{pkg}}.config import Settings
from {{pkg}}.logging import configure_logging
from {{pkg}}.services.health_checks import check_health

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    """Build the argument parser.

    Returns:
        The parser.
    """
    parser = argparse.ArgumentParser(prog="{{pkg}}", description=__doc__)
    parser.add_argument(
        "--health",
        action="store_true",
        help="check the application and its dependencies, then exit",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments (default: the process's own).

    Returns:
        The exit status: 0 when healthy, 1 otherwise.
    """
    arguments = _parser().parse_args(argv)
    settings = Settings()
    configure_logging(settings.log_level)
    report = check_health(build_probes(settings))
    logger.info("health %s", json.dumps(report.as_dict()))
    if arguments.health:
        return 0 if report.healthy else 1
{{run_block}}'''

CLI_TYPER = '''"""Command line of {{dist}}: run the application or report its health."""

import json
import logging
from typing import Annotated

import typer

{{cli_imports}}from {{pkg}}.api.probes import build_probes
from {{pkg}}.config import Settings
from {{pkg}}.logging import configure_logging
from {{pkg}}.services.health_checks import check_health

__all__ = ["app", "main"]

logger = logging.getLogger(__name__)

app = typer.Typer(help=__doc__, add_completion=False, pretty_exceptions_enable=False)


@app.command()
def run(
    *,
    health: Annotated[
        bool, typer.Option(help="Check the application and its dependencies.")
    ] = False,
) -> None:
    """Run the application, or report its health.

    Args:
        health: Only check the application and its dependencies.

    Raises:
        Exit: With status 1 when a health check fails.
    """
    settings = Settings()
    configure_logging(settings.log_level)
    report = check_health(build_probes(settings))
    logger.info("health %s", json.dumps(report.as_dict()))
    if health:
        raise typer.Exit(0 if report.healthy else 1)
{{run_block}}

def main() -> None:
    """Run the command line."""
    app(prog_name="{{pkg}}")
'''

# ``--fix`` (SP702) writes this entry point when ``__main__.py`` is missing: it
# cannot know the project's own modules, so it imports none of them.
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
