"""Templates of the top-level project files (ruleset 2, 5, 8, 9).

``pyproject.toml`` is built around the ruleset's verbatim Ruff and pytest
blocks (with the refinements SP801 accepts); the Dockerfile and ignore files
come from :mod:`strictpy.domain.containers.compliant_files`; the compose file
and ``.env.example`` list exactly what the chosen services need.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "APP_PORT",
    "BUILD_BACKEND",
    "CACHE_IMAGE",
    "COMPOSE_APP",
    "COMPOSE_CACHE",
    "COMPOSE_DB",
    "COMPOSE_FOOTER",
    "COMPOSE_MIGRATE",
    "DATABASE_IMAGE",
    "DEV_REQUIREMENTS",
    "HEALTHCHECK_HTTP",
    "HEALTHCHECK_PROCESS",
    "OPTION_DEV_REQUIREMENTS",
    "OPTION_REQUIREMENTS",
    "PYPROJECT_HEAD",
    "README",
    "RUFF_REFINEMENTS",
    "RUNTIME_REQUIREMENTS",
]

APP_PORT = 8000
# Official images with pinned versions (ruleset 9.3).
DATABASE_IMAGE = "postgres:17.2-alpine"
CACHE_IMAGE = "redis:7.4.2-alpine"
BUILD_BACKEND = 'requires = ["uv_build>=0.9.0,<1.0.0"]\nbuild-backend = "uv_build"\n'

# Lower bounds: the first releases with the APIs the templates use.
RUNTIME_REQUIREMENTS = ("pydantic-settings>=2.6.0",)
DEV_REQUIREMENTS = (
    "factory-boy>=3.3.0",
    "pytest>=8.3.0",
    "pytest-cov>=6.0.0",
    "pytest-mock>=3.14.0",
    "ruff>=0.8.0",
)
OPTION_REQUIREMENTS = MappingProxyType(
    {
        "http": ("fastapi>=0.115.0", "uvicorn>=0.32.0"),
        "cli": ("typer>=0.15.0",),
        "db": ("alembic>=1.14.0", "psycopg[binary]>=3.2.0", "sqlalchemy>=2.0.36"),
        "cache": ("redis>=5.2.0",),
    }
)
# FastAPI's TestClient needs httpx.
OPTION_DEV_REQUIREMENTS = MappingProxyType({"http": ("httpx>=0.27.0",)})

PYPROJECT_HEAD = """[project]
name = "{{dist}}"
version = "0.1.0"
description = "{{description}}"
readme = "README.md"
requires-python = ">=3.13"
dependencies = {{dependencies}}

[build-system]
{{build_backend}}
[dependency-groups]
dev = {{dev_dependencies}}

"""

# Keys SP801 accepts as refinements, inserted after the line they follow.
RUFF_REFINEMENTS = MappingProxyType(
    {
        "quote-annotations = true\n": (
            'runtime-evaluated-base-classes = ["pydantic.BaseModel", '
            '"pydantic_settings.BaseSettings"]\n'
        ),
        "combine-as-imports = true\n": 'known-first-party = ["{{pkg}}"]\n',
    }
)

README = """# {{dist}}

{{description}}

Scaffolded by `strictpy new`: a src layout (`src/{{pkg}}/`) with the
`domain`, `services`, `adapters`, `api` and `utils` layers, settings read with
pydantic-settings, an `AppError` hierarchy and JSON logging.

## Develop

```bash
uv sync
cp .env.example .env
uv run pytest
uv run ruff check --fix . && uv run ruff format .
uv run python -m {{pkg}}
```

Every setting is an environment variable with the `{{prefix}}` prefix; see
`.env.example` for the list. `uv.lock` is committed although `.gitignore`
lists it (ruleset 9.4): add it once with `git add -f uv.lock`.

## Health check

{{health_doc}}

## Container

```bash
docker build -t {{dist}} .
{{run_doc}}
```

The image is built in `python:3.13-slim` and runs as a non-root user on
`gcr.io/distroless/python3-debian12`.
"""

HEALTHCHECK_HTTP = (
    '      test: ["CMD", "/app/.venv/bin/python", "-c",\n'
    "             \"import urllib.request as r; r.urlopen('http://localhost:"
    f"{APP_PORT}/health')\"]\n"
)
HEALTHCHECK_PROCESS = (
    '      test: ["CMD", "/app/.venv/bin/python", "-m", "{{pkg}}", "--health"]\n'
)

COMPOSE_APP = """services:
  app:
    build: .
    env_file: .env
{{ports}}{{depends_on}}    healthcheck:
{{healthcheck}}      interval: 30s
      timeout: 5s
      retries: 3
    networks: [backend]
"""

COMPOSE_MIGRATE = """  migrate:
    build:
      context: .
      target: builder
    command: ["uv", "run", "--frozen", "--no-dev", "alembic", "upgrade", "head"]
    env_file: .env
    restart: "no"
    depends_on:
      db:
        condition: service_healthy
    networks: [backend]
"""

COMPOSE_DB = (
    """  db:
    image: """
    + DATABASE_IMAGE
    + """
    environment:
      POSTGRES_USER: ${POSTGRES_USER}
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
      POSTGRES_DB: ${POSTGRES_DB}
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}"]
      interval: 10s
      timeout: 5s
      retries: 5
    networks: [backend]
"""
)

COMPOSE_CACHE = (
    """  cache:
    image: """
    + CACHE_IMAGE
    + """
    volumes:
      - cache-data:/data
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
      interval: 10s
      timeout: 5s
      retries: 5
    networks: [backend]
"""
)

COMPOSE_FOOTER = """
volumes:
{{volumes}}
networks:
  backend:
    driver: bridge
"""
