"""Templates of the interface layer: health probes, the HTTP app, the run step.

The command line (``package_templates``) ends with a run step that depends on
the variant: a plain application logs that it ran; an HTTP service starts the
FastAPI app under uvicorn (``--http fastapi``).
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CLI_HTTP_IMPORT",
    "HTTP_APP",
    "PROBES",
    "PROBE_IMPORTS",
    "PROBE_LINES",
    "RUN_ARGPARSE",
    "RUN_ARGPARSE_HTTP",
    "RUN_TYPER",
    "RUN_TYPER_HTTP",
]

PROBES = '''"""Health probes of the application and its dependencies, wired from the settings."""

from __future__ import annotations

{{probe_stdlib}}from typing import TYPE_CHECKING

{{probe_imports}}from {{pkg}}.domain.health_report import OK

if TYPE_CHECKING:
    from collections.abc import Callable

    from {{pkg}}.config import Settings

__all__ = ["build_probes"]


def _application() -> str:
    """Report that the application itself answers.

    Returns:
        Always ``ok``: the process is running.
    """
    return OK


def build_probes(settings: Settings) -> dict[str, Callable[[], str]]:
    """Return the health probes of the application and its dependencies.

    Args:
        settings: The application settings.

    Returns:
        Check name to probe.
    """
    probes: dict[str, Callable[[], str]] = {"app": _application}
{{probe_lines}}    return probes
'''

# Per option: the imports and the lines that add its probe to build_probes.
PROBE_IMPORTS = MappingProxyType(
    {
        "cache": "from {{pkg}}.adapters.cache import build_cache, check_cache\n",
        "db": "from {{pkg}}.adapters.database import build_engine, check_database\n",
    }
)
PROBE_LINES = MappingProxyType(
    {
        "cache": '    probes["cache"] = partial(check_cache, build_cache(settings))\n',
        "db": '    probes["db"] = partial(check_database, build_engine(settings))\n',
        "none": "    del settings  # this variant has no external dependency to probe\n",
    }
)

HTTP_APP = '''"""HTTP interface: the FastAPI application and its health route (ruleset 8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import uvicorn
from fastapi import FastAPI, status
from fastapi.responses import JSONResponse

from {{pkg}}.api.probes import build_probes
from {{pkg}}.services.health_checks import check_health

if TYPE_CHECKING:
    from {{pkg}}.config import Settings

__all__ = ["create_app", "serve"]


def create_app(settings: Settings) -> FastAPI:
    """Build the FastAPI application.

    Args:
        settings: The application settings.

    Returns:
        The application, with ``GET /health``.
    """
    app = FastAPI(title="{{dist}}")
    probes = build_probes(settings)

    @app.get("/health")
    def health() -> JSONResponse:
        """Report readiness and the dependencies' health, without authentication.

        Returns:
            200 with ``status: healthy``, or 503 with ``status: unhealthy``.
        """
        report = check_health(probes)
        code = (
            status.HTTP_200_OK
            if report.healthy
            else status.HTTP_503_SERVICE_UNAVAILABLE
        )
        return JSONResponse(report.as_dict(), status_code=code)

    return app


def serve(settings: Settings) -> None:
    """Serve the application with uvicorn until SIGTERM or SIGINT.

    Args:
        settings: The application settings (host, port).
    """
    uvicorn.run(
        create_app(settings), host=settings.host, port=settings.port, log_config=None
    )
'''

CLI_HTTP_IMPORT = "from {{pkg}}.api.http import serve\n"

RUN_ARGPARSE = """    logger.info("{{pkg}} ran")
    return 0
"""

RUN_ARGPARSE_HTTP = """    serve(settings)
    return 0
"""

RUN_TYPER = """    logger.info("{{pkg}} ran")
"""

RUN_TYPER_HTTP = """    serve(settings)
"""
