"""Templates of the package modules only ``strictpy new`` writes (ruleset 1, 2, 8).

The entry points, the settings fields of optional components, a small health
model and service, and the command line (argparse, or Typer with ``--cli
typer``). The modules ``--fix`` can create too (``config``, ``exceptions``,
``logging``...) live in :mod:`strictpy.domain.fixes.module_templates`.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CLI_ARGPARSE",
    "CLI_TYPER",
    "CONFIG_FIELDS",
    "HEALTH_CHECKS",
    "HEALTH_REPORT",
    "MAIN_CLI",
    "MAIN_TYPER",
]

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
