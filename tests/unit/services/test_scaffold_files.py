"""Tests for the top-level files of a new project."""

from __future__ import annotations

import tomllib

import yaml

from strictpy.domain.fixes.layout_files import template_values
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML
from strictpy.services.scaffold_files import (
    compose_text,
    dockerfile_text,
    env_example_text,
    pyproject_text,
    readme_text,
)
from strictpy.services.scaffold_options import (
    Cache,
    Database,
    HttpFramework,
    ScaffoldOptions,
)

VALUES = template_values("shop")
FULL = ScaffoldOptions(
    http=HttpFramework.FASTAPI, db=Database.POSTGRES, cache=Cache.REDIS
)


def test_pyproject() -> None:
    """Metadata, dependencies of the variant, the ruleset's tables and refinements."""
    document = tomllib.loads(pyproject_text(VALUES, FULL))
    project = document["project"]
    assert (project["name"], project["requires-python"]) == ("shop", ">=3.13")
    assert {"fastapi", "redis", "sqlalchemy"} <= {
        requirement.split(">=")[0] for requirement in project["dependencies"]
    }
    assert any(
        entry.startswith("httpx") for entry in document["dependency-groups"]["dev"]
    )
    lint = document["tool"]["ruff"]["lint"]
    assert lint["isort"]["known-first-party"] == ["shop"]
    assert (
        "pydantic_settings.BaseSettings"
        in (lint["flake8-type-checking"]["runtime-evaluated-base-classes"])
    )
    assert pyproject_text(VALUES, ScaffoldOptions()).endswith(PYTEST_CONFIG_TOML)


def test_env_example() -> None:
    """Every variable has a placeholder value; compose's variables are listed."""
    plain = env_example_text(VALUES, ScaffoldOptions())
    assert plain.splitlines()[1:] == ["SHOP_LOG_LEVEL=INFO"]
    full = env_example_text(VALUES, FULL)
    assert "POSTGRES_PASSWORD=changeme" in full
    assert "SHOP_REDIS_URL=redis://cache:6379/0" in full


def test_dockerfile_variants() -> None:
    """Migrations are copied for a database; HTTP exposes its port."""
    plain = dockerfile_text(VALUES, ScaffoldOptions())
    full = dockerfile_text(VALUES, FULL)
    assert "migrations" not in plain
    assert "COPY migrations/ ./migrations/\n" in full
    assert "EXPOSE 8000\n" in full
    assert full.rstrip().endswith('["/app/.venv/bin/python", "-m", "shop"]')


def test_compose_only_with_services() -> None:
    """No compose file without a database or cache; otherwise every service."""
    assert compose_text(VALUES, ScaffoldOptions(http=HttpFramework.FASTAPI)) is None
    text = compose_text(VALUES, FULL)
    assert text is not None
    document = yaml.safe_load(text)
    assert sorted(document["services"]) == ["app", "cache", "db", "migrate"]
    assert sorted(document["volumes"]) == ["cache-data", "db-data"]


def test_readme_documents_the_health_check() -> None:
    """The README says how health is checked for each kind of service."""
    assert "GET /health" in readme_text(VALUES, FULL)
    assert "--health" in readme_text(VALUES, ScaffoldOptions())
