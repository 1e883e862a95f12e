"""The top-level files of a new project: pyproject, README, env, Docker, compose.

``pyproject.toml`` is built around the ruleset's verbatim Ruff (5.2) and pytest
(5.3) blocks plus the refinements SP801 accepts; the Dockerfile and ignore
files come from the same functions the SP9 rules use as good examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.fixes.layout_files import render
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML, RUFF_CONFIG_TOML
from strictpy.services.scaffold_templates import project_templates as project

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from strictpy.services.scaffold_options import ScaffoldOptions

__all__ = [
    "compose_text",
    "dockerfile_text",
    "env_example_text",
    "pyproject_text",
    "readme_text",
]


def _toml_array(items: Iterable[str]) -> str:
    """Render strings as a multi-line TOML array.

    Args:
        items: The strings.

    Returns:
        The array's text.
    """
    return "[\n" + "".join(f'    "{item}",\n' for item in items) + "]"


def _requirements(options: ScaffoldOptions) -> tuple[list[str], list[str]]:
    """Return the runtime and dev requirements of a variant, sorted.

    Args:
        options: The chosen components.

    Returns:
        (dependencies, dev dependencies).
    """
    runtime = list(project.RUNTIME_REQUIREMENTS)
    dev = list(project.DEV_REQUIREMENTS)
    for name in options.components:
        runtime.extend(project.OPTION_REQUIREMENTS.get(name, ()))
        dev.extend(project.OPTION_DEV_REQUIREMENTS.get(name, ()))
    return sorted(runtime), sorted(dev)


def pyproject_text(values: Mapping[str, str], options: ScaffoldOptions) -> str:
    """Render ``pyproject.toml``: metadata, dependencies, Ruff and pytest.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The file's text.
    """
    runtime, dev = _requirements(options)
    ruff = RUFF_CONFIG_TOML
    for anchor, addition in project.RUFF_REFINEMENTS.items():
        ruff = ruff.replace(anchor, anchor + render(addition, values))
    head = render(
        project.PYPROJECT_HEAD,
        {
            **values,
            "dependencies": _toml_array(runtime),
            "dev_dependencies": _toml_array(dev),
            "build_backend": project.BUILD_BACKEND,
        },
    )
    return f"{head}{ruff}\n{PYTEST_CONFIG_TOML}"


def env_example_text(values: Mapping[str, str], options: ScaffoldOptions) -> str:
    """Render ``.env.example``: one placeholder value per variable.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The file's text.
    """
    prefix = values["prefix"]
    lines = ["# Copy to .env and adjust; never commit .env.", f"{prefix}LOG_LEVEL=INFO"]
    if options.http:
        lines += [f"{prefix}HOST=0.0.0.0", f"{prefix}PORT={project.APP_PORT}"]
    if options.db:
        credentials = "app:" + "changeme"
        lines += [
            f"{prefix}DATABASE_URL=postgresql+psycopg://{credentials}@db:5432/app",
            "POSTGRES_USER=app",
            "POSTGRES_PASSWORD=changeme",
            "POSTGRES_DB=app",
        ]
    if options.cache:
        lines.append(f"{prefix}REDIS_URL=redis://cache:6379/0")
    return "\n".join(lines) + "\n"


def dockerfile_text(values: Mapping[str, str], options: ScaffoldOptions) -> str:
    """Render the two-stage Dockerfile of ruleset 9.1 for a variant.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The file's text.
    """
    text = compliant_dockerfile(values["pkg"])
    if options.db:
        text = text.replace(
            "COPY src/ ./src/\n",
            "COPY src/ ./src/\nCOPY alembic.ini ./\nCOPY migrations/ ./migrations/\n",
        )
    if options.http:
        prefix = values["prefix"]
        text = text.replace(
            "USER ",
            f"ENV {prefix}HOST=0.0.0.0\nEXPOSE {project.APP_PORT}\nUSER ",
        )
    return text


def compose_text(values: Mapping[str, str], options: ScaffoldOptions) -> str | None:
    """Render the compose file of ruleset 9.3, when services run beside the app.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The file's text, or None without a database or cache.
    """
    if not (options.db or options.cache):
        return None
    waits = []
    if options.db:
        waits += [
            ("db", "service_healthy"),
            ("migrate", "service_completed_successfully"),
        ]
    if options.cache:
        waits.append(("cache", "service_healthy"))
    depends_on = "    depends_on:\n" + "".join(
        f"      {name}:\n        condition: {condition}\n" for name, condition in waits
    )
    ports = (
        f'    ports:\n      - "{project.APP_PORT}:{project.APP_PORT}"\n'
        if options.http
        else ""
    )
    healthcheck = (
        project.HEALTHCHECK_HTTP if options.http else project.HEALTHCHECK_PROCESS
    )
    parts = [
        render(
            project.COMPOSE_APP,
            {
                **values,
                "ports": ports,
                "depends_on": depends_on,
                "healthcheck": render(healthcheck, values),
            },
        )
    ]
    volumes = []
    if options.db:
        parts += [project.COMPOSE_MIGRATE, project.COMPOSE_DB]
        volumes.append("  db-data:\n")
    if options.cache:
        parts.append(project.COMPOSE_CACHE)
        volumes.append("  cache-data:\n")
    parts.append(render(project.COMPOSE_FOOTER, {"volumes": "".join(volumes)}))
    return "".join(parts)


def readme_text(values: Mapping[str, str], options: ScaffoldOptions) -> str:
    """Render ``README.md``, with the health check mechanism of ruleset 8.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The file's text.
    """
    pkg = values["pkg"]
    if options.http:
        health = (
            "`GET /health` answers 200 with "
            '`{"status": "healthy", "checks": {...}}`, or 503 when a '
            "dependency fails."
        )
        run = f"docker run --env-file .env -p {project.APP_PORT}:{project.APP_PORT} {values['dist']}"
    else:
        health = (
            f"`python -m {pkg} --health` checks the application and its "
            "dependencies and exits 0 when healthy, 1 otherwise; orchestrators "
            "run it as an exec probe (the compose file does)."
        )
        run = f"docker run --env-file .env {values['dist']}"
    if options.db or options.cache:
        run += "\ndocker compose up --build"
    return render(project.README, {**values, "health_doc": health, "run_doc": run})
