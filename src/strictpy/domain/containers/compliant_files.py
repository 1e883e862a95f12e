"""Container files that satisfy ruleset section 9, built from the ruleset data.

The SP9 rules use them as their good examples, and ``strictpy new`` / ``--fix``
can write them: the tests check that every SP9 rule stays silent on them.
"""

from __future__ import annotations

from strictpy.domain.ruleset_data import (
    APP_GID,
    APP_GROUP,
    APP_UID,
    APP_USER,
    BUILDER_IMAGE,
    BUILDER_PYTHON_VERSION,
    DOCKERIGNORE_ENTRIES,
    ENV_FILE_NAME,
    FROZEN_SYNC_COMMAND,
    GITIGNORE_ENTRIES,
    ONE_SHOT_CONDITION,
    RUNTIME_IMAGE,
    UV_IMAGE_REF,
)

__all__ = [
    "compliant_compose",
    "compliant_dockerfile",
    "compliant_dockerignore",
    "compliant_gitignore",
]


def compliant_dockerfile(package: str) -> str:
    """Return a two-stage Dockerfile that follows ruleset section 9.1.

    The distroless image ships Debian 12's Python 3.11, so the runtime stage
    copies the builder's interpreter next to the virtual environment.

    Args:
        package: The import package the image runs (``python -m <package>``).

    Returns:
        The Dockerfile's text.
    """
    python = f"python{BUILDER_PYTHON_VERSION}"
    return (
        "# syntax=docker/dockerfile:1\n"
        f"FROM {BUILDER_IMAGE} AS builder\n"
        f"COPY --from={UV_IMAGE_REF} /uv /uvx /bin/\n"
        "ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never\n"
        "WORKDIR /app\n"
        "COPY pyproject.toml uv.lock README.md ./\n"
        f"RUN {FROZEN_SYNC_COMMAND} --no-install-project\n"
        "COPY src/ ./src/\n"
        f"RUN {FROZEN_SYNC_COMMAND}\n"
        "# Quality gate: an unfixable lint error fails the build.\n"
        "RUN uvx ruff check --fix . && uvx ruff format .\n"
        f"RUN addgroup --system --gid {APP_GID} {APP_GROUP} && \\\n"
        f"    adduser --system --uid {APP_UID} --ingroup {APP_GROUP} {APP_USER}\n"
        "\n"
        f"FROM {RUNTIME_IMAGE}\n"
        "COPY --from=builder /etc/passwd /etc/passwd\n"
        "COPY --from=builder /etc/group /etc/group\n"
        "COPY --from=builder /usr/local/lib/ /usr/local/lib/\n"
        f"COPY --from=builder /usr/local/bin/{python} /usr/local/bin/{python}\n"
        "WORKDIR /app\n"
        f"COPY --from=builder --chown={APP_USER}:{APP_GROUP} /app/.venv /app/.venv\n"
        f"COPY --from=builder --chown={APP_USER}:{APP_GROUP} /app/src /app/src\n"
        'ENV PATH="/app/.venv/bin:${PATH}" LD_LIBRARY_PATH="/usr/local/lib"\n'
        f"USER {APP_USER}\n"
        f'ENTRYPOINT ["/app/.venv/bin/python", "-m", "{package}"]\n'
    )


def compliant_compose() -> str:
    """Return a compose file that follows ruleset section 9.3 (app, migrate, db).

    Returns:
        The compose file's text.
    """
    return (
        "services:\n"
        "  app:\n"
        "    build: .\n"
        f"    env_file: {ENV_FILE_NAME}\n"
        "    depends_on:\n"
        "      db:\n"
        "        condition: service_healthy\n"
        "      migrate:\n"
        f"        condition: {ONE_SHOT_CONDITION}\n"
        "    healthcheck:\n"
        '      test: ["CMD", "/app/.venv/bin/python", "-c",\n'
        "             \"import urllib.request as r; r.urlopen('http://localhost:8000/health')\"]\n"
        "      interval: 30s\n"
        "      timeout: 5s\n"
        "      retries: 3\n"
        "    networks: [backend]\n"
        "  migrate:\n"
        "    build:\n"
        "      context: .\n"
        "      target: builder\n"
        '    command: ["uv", "run", "--frozen", "--no-dev", "alembic", "upgrade", "head"]\n'
        f"    env_file: {ENV_FILE_NAME}\n"
        '    restart: "no"\n'
        "    depends_on:\n"
        "      db:\n"
        "        condition: service_healthy\n"
        "    networks: [backend]\n"
        "  db:\n"
        "    image: postgres:16-alpine\n"
        f"    env_file: {ENV_FILE_NAME}\n"
        "    volumes:\n"
        "      - db-data:/var/lib/postgresql/data\n"
        "    healthcheck:\n"
        '      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]\n'
        "      interval: 10s\n"
        "      timeout: 5s\n"
        "      retries: 5\n"
        "    networks: [backend]\n"
        "\n"
        "volumes:\n"
        "  db-data:\n"
        "\n"
        "networks:\n"
        "  backend:\n"
        "    driver: bridge\n"
    )


def compliant_gitignore() -> str:
    """Return a ``.gitignore`` with every entry of ruleset section 9.4.

    Returns:
        The file's text; ``uv.lock`` is listed as the ruleset demands and
        stays tracked with ``git add -f uv.lock``.
    """
    return "\n".join(GITIGNORE_ENTRIES) + "\n"


def compliant_dockerignore() -> str:
    """Return a ``.dockerignore`` with every entry of ruleset section 9.4.

    ``!README.md`` follows ``*.md``: a pyproject that declares
    ``readme = "README.md"`` cannot be built without it, and the exception
    keeps the ``*.md`` entry present.

    Returns:
        The file's text.
    """
    lines = list(DOCKERIGNORE_ENTRIES)
    lines.insert(lines.index("*.md") + 1, "!README.md")
    return "\n".join(lines) + "\n"
