"""``strictpy new``: plan a compliant project as ``{path: text}``, then write it.

The plan follows ruleset section 2 (the initialization protocol) and is built
from the same ruleset data the rules compare against, so a scaffolded project
passes ``strictpy check`` with zero findings. Context-dependent components are
added only when asked for (``--http fastapi``, ``--cli typer``, ``--db
postgres``, ``--cache redis``): their modules, tests, compose services, health
probes and migrations. The same templates give ``--fix`` the content of missing
package modules and test scaffold files (SP702-SP704).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from strictpy.adapters.ruff_formatter import format_sources
from strictpy.adapters.scaffold_writer import write_new_project
from strictpy.adapters.uv_locker import lock_project
from strictpy.domain.containers.compliant_files import (
    compliant_dockerignore,
    compliant_gitignore,
)
from strictpy.domain.fixes.layout_files import (
    LAYER_ROLES,
    SUITES,
    config_text,
    render,
    template_values,
)
from strictpy.domain.fixes.module_templates import (
    EXCEPTIONS,
    LAYER_INIT,
    LOGGING,
    PACKAGE_INIT,
)
from strictpy.domain.fixes.suite_file_templates import (
    TEST_EXCEPTIONS,
    TEST_LOGGING,
    TESTS_INIT,
)
from strictpy.domain.pyproject_model import parse_pyproject
from strictpy.domain.ruff_settings import ruff_toml
from strictpy.domain.ruleset_data import PYTHON_VERSION
from strictpy.exceptions import ExternalServiceError
from strictpy.services.scaffold_files import (
    compose_text,
    dockerfile_text,
    env_example_text,
    pyproject_text,
    readme_text,
)
from strictpy.services.scaffold_options import ScaffoldOutcome, validate_package_name
from strictpy.services.scaffold_templates import (
    component_suite_templates as component_suite,
    interface_templates as interface,
    package_templates as package,
    storage_templates as storage,
    suite_templates as suite,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from strictpy.services.scaffold_options import ScaffoldOptions

__all__ = [
    "create_project",
    "format_plan",
    "scaffold_plan",
]


def _config(values: Mapping[str, str], options: ScaffoldOptions) -> str:
    """Render ``config.py`` with the fields of the chosen components.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        The module's text.
    """
    docs = fields = ""
    for name in options.components:
        entry = package.CONFIG_FIELDS.get(name)
        if entry is not None:
            docs += entry[0]
            fields += entry[1]
    return config_text(values, docs, fields)


def _interface(values: Mapping[str, str], options: ScaffoldOptions) -> dict[str, str]:
    """Render the ``api`` layer and the entry point.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        Path below ``src/<pkg>/`` to text.
    """
    typer = options.cli is not None
    http = options.http is not None
    if typer:
        run = interface.RUN_TYPER_HTTP if http else interface.RUN_TYPER
    else:
        run = interface.RUN_ARGPARSE_HTTP if http else interface.RUN_ARGPARSE
    cli_values = {
        **values,
        "run_block": render(run, values),
        "cli_imports": render(interface.CLI_HTTP_IMPORT, values) if http else "",
    }
    dependencies = [name for name in ("cache", "db") if name in options.components]
    probe_values = {
        **values,
        "probe_stdlib": "from functools import partial\n" if dependencies else "",
        "probe_imports": "".join(
            render(interface.PROBE_IMPORTS[name], values) for name in dependencies
        ),
        "probe_lines": "".join(
            interface.PROBE_LINES[name] for name in dependencies or ["none"]
        ),
    }
    files = {
        "__main__.py": render(
            package.MAIN_TYPER if typer else package.MAIN_CLI, values
        ),
        "api/cli.py": render(
            package.CLI_TYPER if typer else package.CLI_ARGPARSE, cli_values
        ),
        "api/probes.py": render(interface.PROBES, probe_values),
    }
    if http:
        files["api/http.py"] = render(interface.HTTP_APP, values)
    return files


def _package(values: Mapping[str, str], options: ScaffoldOptions) -> dict[str, str]:
    """Render every module of ``src/<pkg>/``.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        Project-relative path to text.
    """
    modules = {
        "__init__.py": render(PACKAGE_INIT, values),
        "config.py": _config(values, options),
        "exceptions.py": EXCEPTIONS,
        "logging.py": LOGGING,
        "domain/health_report.py": package.HEALTH_REPORT,
        "services/health_checks.py": render(package.HEALTH_CHECKS, values),
        **_interface(values, options),
    }
    if options.db:
        modules["adapters/database.py"] = render(storage.DATABASE_ADAPTER, values)
    if options.cache:
        modules["adapters/cache.py"] = render(storage.CACHE_ADAPTER, values)
    for layer, role in LAYER_ROLES:
        modules[f"{layer}/__init__.py"] = render(
            LAYER_INIT, {**values, "layer": layer, "responsibility": role}
        )
    return {f"src/{values['pkg']}/{path}": text for path, text in modules.items()}


def _tests(values: Mapping[str, str], options: ScaffoldOptions) -> dict[str, str]:
    """Render the test suite: one unit test module per module, one integration test.

    Args:
        values: Placeholder values.
        options: The chosen components.

    Returns:
        Project-relative path to text.
    """
    prefix = values["prefix"]
    entries = ""
    if options.db:
        entries += (
            f'        "{prefix}DATABASE_URL": f"sqlite:///{{tmp_path / \'app.db\'}}",\n'
        )
    if options.cache:
        entries += f'        "{prefix}REDIS_URL": "redis://127.0.0.1:1/0",\n'
    kind = "typer" if options.cli else "argparse"
    probe_names = ", ".join(
        f'"{name}"'
        for name in ("app", "cache", "db")
        if name in {"app", *options.components}
    )
    cli_values = {
        **values,
        "cli_run_test": render(
            suite.CLI_RUN_TESTS[kind, options.http is not None], values
        ),
    }
    files = {
        path: render(TESTS_INIT, {**values, "suite": label}) for path, label in SUITES
    }
    files |= {
        "tests/conftest.py": render(suite.CONFTEST, {**values, "env_entries": entries}),
        "tests/unit/test_config.py": render(suite.TEST_CONFIG, values),
        "tests/unit/test_exceptions.py": render(TEST_EXCEPTIONS, values),
        "tests/unit/test_logging.py": render(TEST_LOGGING, values),
        "tests/unit/test_health_report.py": render(suite.TEST_HEALTH_REPORT, values),
        "tests/unit/test_health_checks.py": render(suite.TEST_HEALTH_CHECKS, values),
        "tests/unit/test_probes.py": render(
            suite.TEST_PROBES, {**values, "probe_names": "{" + probe_names + "}"}
        ),
        "tests/unit/test_cli.py": render(
            suite.TEST_CLI_TYPER if options.cli else suite.TEST_CLI_ARGPARSE,
            cli_values,
        ),
        "tests/integration/test_entry_point.py": render(
            suite.TEST_ENTRY_POINT,
            {**values, "health_exit": "1" if options.cache else "0"},
        ),
    }
    if options.http:
        files["tests/unit/test_http.py"] = render(component_suite.TEST_HTTP, values)
    if options.db:
        files["tests/unit/test_database.py"] = render(
            component_suite.TEST_DATABASE, values
        )
    if options.cache:
        files["tests/unit/test_cache.py"] = render(component_suite.TEST_CACHE, values)
    return files


def scaffold_plan(name: str, options: ScaffoldOptions) -> dict[str, str]:
    """Plan every file of a new project.

    Args:
        name: The import package (validated).
        options: The chosen components.

    Returns:
        Project-relative path to text, sorted by path.
    """
    values = template_values(validate_package_name(name))
    files = {
        "pyproject.toml": pyproject_text(values, options),
        ".python-version": f"{PYTHON_VERSION}\n",
        "README.md": readme_text(values, options),
        ".env.example": env_example_text(values, options),
        ".gitignore": compliant_gitignore(),
        ".dockerignore": compliant_dockerignore(),
        "Dockerfile": dockerfile_text(values, options),
        **_package(values, options),
        **_tests(values, options),
    }
    compose = compose_text(values, options)
    if compose is not None:
        files["compose.yaml"] = compose
    if options.db:
        files["alembic.ini"] = render(storage.ALEMBIC_INI, values)
        files["migrations/env.py"] = render(storage.ALEMBIC_ENV, values)
        files["migrations/script.py.mako"] = storage.ALEMBIC_SCRIPT
        files["migrations/versions/.gitkeep"] = ""
    return dict(sorted(files.items()))


def format_plan(plan: Mapping[str, str]) -> tuple[dict[str, str], str | None]:
    """Format a plan's Python files with Ruff and the plan's own configuration.

    The templates are formatted for usual package names; a long name can push
    an import past the line length, which Ruff then wraps.

    Args:
        plan: Project-relative path to text.

    Returns:
        (the plan with formatted Python files, a notice when Ruff could not run).
    """
    python = {path: text for path, text in plan.items() if path.endswith(".py")}
    config = ruff_toml(parse_pyproject(plan.get("pyproject.toml", "")))
    try:
        formatted = format_sources(python, config)
    except ExternalServiceError as error:
        return dict(plan), f"{error}; the new Python files were not formatted"
    return {**plan, **formatted}, None


def create_project(
    name: str, folder: Path, options: ScaffoldOptions, *, lock: bool
) -> ScaffoldOutcome:
    """Write a new project into an empty or missing folder.

    Args:
        name: The import package.
        folder: Where to create the project.
        options: The chosen components.
        lock: Whether to run ``uv lock`` in the new project.

    Returns:
        What was written, with notices for steps that could not run.
    """
    plan, notice = format_plan(scaffold_plan(name, options))
    notices = [notice] if notice else []
    write_new_project(folder, plan)
    written = list(plan)
    if lock:
        lock_notice = lock_project(folder, sys.executable)
        if lock_notice is None:
            written.append("uv.lock")
        else:
            notices.append(lock_notice)
    else:
        notices.append("uv.lock was not created; run 'uv lock' in the new project")
    return ScaffoldOutcome(folder, tuple(sorted(written)), tuple(notices))
