"""The ruleset's literal data for containers and ignore files, in one place.

Rules compare against these constants and ``strictpy new`` / ``--fix`` write
them, so a project that strictpy scaffolds or repairs passes strictpy's own
checks. The values are copied from the ruleset: section 9.1 (images, uv, the
non-root user), 9.3 (compose) and 9.4 (the required ignore-file entries).
"""

from __future__ import annotations

__all__ = [
    "ALEMBIC_INI",
    "APP_GID",
    "APP_GROUP",
    "APP_UID",
    "APP_USER",
    "BUILDER_IMAGE",
    "BUILDER_PYTHON_VERSION",
    "COMPOSE_FILE_NAMES",
    "CORE_DEPENDENCIES",
    "DATA_SERVICE_IMAGES",
    "DEBUG_TAG",
    "DEV_DEPENDENCIES",
    "DOCKERFILE_NAME",
    "DOCKERIGNORE_ENTRIES",
    "DOCKERIGNORE_NAME",
    "ENV_FILE_NAME",
    "ENV_FILE_TEMPLATES",
    "EXCEPTION_HIERARCHY",
    "FROZEN_SYNC_COMMAND",
    "FROZEN_SYNC_FLAGS",
    "GITIGNORE_ENTRIES",
    "GITIGNORE_NAME",
    "HEALTH_PATHS",
    "LAYER_PACKAGES",
    "LINT_GATE_COMMANDS",
    "MIGRATION_FOLDERS",
    "ONE_SHOT_CONDITION",
    "PACKAGE_MODULES",
    "PYTEST_CONFIG_TOML",
    "PYTHON_VERSION",
    "REQUIRED_PROJECT_FILES",
    "RUFF_ACCEPTED_EXTRA_KEYS",
    "RUFF_CONFIG_TOML",
    "RUFF_ORDERED_KEYS",
    "RUNTIME_IMAGE",
    "RUNTIME_IMAGE_NONROOT_USER",
    "SERVICE_DEPENDENCIES",
    "SQL_DEPENDENCIES",
    "TEST_SCAFFOLD",
    "UV_IMAGE",
    "UV_IMAGE_REF",
    "WEB_FRAMEWORKS",
]

# 9.1: the two stages.
BUILDER_IMAGE = "python:3.13-slim"
BUILDER_PYTHON_VERSION = "3.13"
RUNTIME_IMAGE = "gcr.io/distroless/python3-debian12"
# The distroless tag that ships a busybox shell (9.2: debugging only).
DEBUG_TAG = "debug"
# The user every distroless image already defines in its own /etc/passwd.
RUNTIME_IMAGE_NONROOT_USER = "nonroot"

# 9.1 builder: uv comes from its official image; the ruleset's reference is latest.
UV_IMAGE = "ghcr.io/astral-sh/uv"
UV_IMAGE_REF = f"{UV_IMAGE}:latest"
FROZEN_SYNC_FLAGS = ("--frozen", "--no-dev")
FROZEN_SYNC_COMMAND = "uv sync --frozen --no-dev"
# 9.1 builder quality gate: both Ruff commands, through uv.
LINT_GATE_COMMANDS = ("uv run ruff check --fix .", "uv run ruff format .")

# 9.1 runtime: the non-root user created in the builder.
APP_USER = "appuser"
APP_GROUP = "appgroup"
APP_UID = 1001
APP_GID = 1001

# 9.3 compose.
COMPOSE_FILE_NAMES = (
    "compose.yaml",
    "compose.yml",
    "docker-compose.yaml",
    "docker-compose.yml",
)
# Image names (last path segment, without tag) of database and cache services.
DATA_SERVICE_IMAGES = frozenset(
    {"postgres", "postgresql", "mysql", "mariadb", "redis", "mongo", "mongodb"}
)
# The depends_on condition that makes a service a one-shot job (migrations).
ONE_SHOT_CONDITION = "service_completed_successfully"

# 4.2 and 9.4: the environment file and its committed template.
ENV_FILE_NAME = ".env"
ENV_FILE_TEMPLATES = frozenset({".env.example", ".env.sample", ".env.template"})

DOCKERFILE_NAME = "Dockerfile"
GITIGNORE_NAME = ".gitignore"
DOCKERIGNORE_NAME = ".dockerignore"

# 9.4: the entries each ignore file must list, in the ruleset's order.
GITIGNORE_ENTRIES = (
    "*.pyc",
    "__pycache__/",
    "*.pyo",
    "*.egg-info/",
    "dist/",
    "build/",
    ".venv/",
    "venv/",
    ".env",
    "*.sqlite3",
    ".ruff_cache/",
    ".pytest_cache/",
    ".mypy_cache/",
    ".coverage",
    "htmlcov/",
    "*.log",
    ".idea/",
    ".vscode/",
    "*.swp",
    "*.swo",
    "uv.lock",
)
DOCKERIGNORE_ENTRIES = (
    ".git",
    ".gitignore",
    ".venv",
    "venv",
    ".env",
    "*.md",
    "*.log",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    "__pycache__",
    "*.pyc",
    ".idea",
    ".vscode",
    "docker-compose*.yml",
    ".dockerignore",
    "Dockerfile",
    "tests/",
    "docs/",
    "*.sqlite3",
)

# --- Project layout, pyproject and dependencies (sections 1, 2, 5, 7, 8, 10) ---

# 3.1 and 5.2: the one Python version of the stack.
PYTHON_VERSION = "3.13"

# 1: the modules of src/<pkg>/, its layer packages, the test scaffold and the
# top-level files every project carries.
PACKAGE_MODULES = (
    "__init__.py",
    "__main__.py",
    "config.py",
    "exceptions.py",
    "logging.py",
)
LAYER_PACKAGES = ("domain", "services", "adapters", "api", "utils")
TEST_SCAFFOLD = (
    "tests/__init__.py",
    "tests/conftest.py",
    "tests/unit/__init__.py",
    "tests/integration/__init__.py",
)
REQUIRED_PROJECT_FILES = (
    "pyproject.toml",
    "uv.lock",
    "Dockerfile",
    ".env.example",
    ".gitignore",
    ".dockerignore",
    "README.md",
)

# 2: the core and dev dependencies every project declares.
CORE_DEPENDENCIES = ("pydantic-settings",)
DEV_DEPENDENCIES = ("pytest", "pytest-cov", "pytest-mock", "factory-boy", "ruff")
# 9.3: dependencies that mean a database, cache or broker runs beside the app.
SERVICE_DEPENDENCIES = frozenset(
    {
        "sqlalchemy",
        "psycopg",
        "psycopg2",
        "psycopg2-binary",
        "asyncpg",
        "redis",
        "celery",
        "arq",
    }
)
# 10: the SQL toolkit that needs migrations, and where they may live.
SQL_DEPENDENCIES = frozenset({"sqlalchemy", "sqlmodel"})
ALEMBIC_INI = "alembic.ini"
MIGRATION_FOLDERS = ("alembic", "migrations")
# 8: the HTTP frameworks whose services need a health route, and its paths.
WEB_FRAMEWORKS = frozenset({"fastapi", "flask"})
HEALTH_PATHS = ("/health", "/api/health/")

# 7.1: the exception hierarchy of <pkg>/exceptions.py, as (class, base) pairs.
EXCEPTION_HIERARCHY = (
    ("AppError", "Exception"),
    ("ValidationError", "AppError"),
    ("NotFoundError", "AppError"),
    ("ExternalServiceError", "AppError"),
    ("ConfigurationError", "AppError"),
)

# 5.2, verbatim: the Ruff configuration every pyproject.toml carries.
RUFF_CONFIG_TOML = r"""[tool.ruff]
line-length = 88
target-version = "py313"
fix = true
show-fixes = true
output-format = "grouped"
exclude = [
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg",
    ".ipynb_checkpoints", ".mypy_cache", ".nox", ".pants.d", ".pyenv",
    ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv",
    ".vscode", "__pypackages__", "_build", "buck-out", "build", "dist",
    "node_modules", "site-packages", "venv",
]
unsafe-fixes = false

[tool.ruff.lint]
select = [
    "F",    # Pyflakes
    "E",    # pycodestyle errors
    "W",    # pycodestyle warnings
    "I",    # isort
    "N",    # pep8-naming
    "UP",   # pyupgrade
    "B",    # flake8-bugbear
    "S",    # flake8-bandit (security)
    "A",    # flake8-builtins
    "C4",   # flake8-comprehensions
    "T10",  # flake8-debugger
    "SIM",  # flake8-simplify
    "TCH",  # flake8-type-checking
    "ARG",  # flake8-unused-arguments
    "PTH",  # flake8-use-pathlib
    "ERA",  # eradicate
    "PL",   # pylint
    "RUF",  # ruff-specific
    "PERF", # perflint (performance)
    "FBT",  # flake8-boolean-trap
]
ignore = [
    "E501",   # Line length handled by ruff format
    "S101",   # assert usage (re-enabled for tests)
    "COM812", # Conflicts with formatter
    "ISC001", # Conflicts with formatter
]

[tool.ruff.lint.per-file-ignores]
"tests/**/*" = ["S101", "SLF001", "ARG001"]
"__init__.py" = ["F401"]

[tool.ruff.lint.isort]
combine-as-imports = true
section-order = ["future", "standard-library", "third-party", "first-party", "local-folder"]

[tool.ruff.lint.flake8-type-checking]
strict = true
quote-annotations = true

[tool.ruff.lint.flake8-bugbear]
extend-immutable-calls = ["pydantic.Field"]

[tool.ruff.format]
quote-style = "double"
indent-style = "space"
skip-magic-trailing-comma = false
line-ending = "lf"
"""

# 5.3, verbatim: the pytest configuration every pyproject.toml carries.
PYTEST_CONFIG_TOML = r"""[tool.pytest.ini_options]
pythonpath = ["src"]
python_files = ["test_*.py"]
python_classes = ["Test*"]
python_functions = ["test_*"]
addopts = [
    "--strict-markers",
    "--strict-config",
    "-ra",
    "--tb=short",
    "--cov=src",
    "--cov-report=term-missing",
    "--cov-fail-under=80",
]
markers = [
    "slow: marks tests as slow (deselect with '-m \"not slow\"')",
    "integration: marks integration tests requiring external services",
]
"""

# rules.md SP801: keys below [tool.ruff] that refine the configuration without
# weakening it, and the one list whose order carries meaning.
RUFF_ACCEPTED_EXTRA_KEYS = frozenset(
    {
        ("extend-exclude",),
        ("src",),
        ("lint", "isort", "known-first-party"),
        ("lint", "flake8-type-checking", "runtime-evaluated-base-classes"),
        ("lint", "flake8-type-checking", "runtime-evaluated-decorators"),
        ("lint", "flake8-type-checking", "exempt-modules"),
    }
)
RUFF_ORDERED_KEYS = frozenset({("lint", "isort", "section-order")})
