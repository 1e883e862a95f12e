"""SP702-SP704's fixes: compliant content for a missing layout file.

A missing package module, layer package or test scaffold file is created with
the content ``strictpy new`` writes: a docstring, and for ``config.py``,
``exceptions.py`` and ``logging.py`` what the ruleset requires of them. A new
``config``/``exceptions``/``logging`` module comes with its unit test module
(SP710), written only when no test module of that name exists.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from strictpy.domain.fixes import (
    module_templates as modules,
    suite_file_templates as suites,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DESCRIPTION",
    "LAYER_ROLES",
    "SUITES",
    "config_text",
    "layout_file",
    "module_tests",
    "render",
    "template_values",
]

PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
DESCRIPTION = "a strict-mode Python application."
LAYER_ROLES = (
    ("domain", "entities, value objects, domain rules and type definitions."),
    ("services", "business logic, orchestration and use cases."),
    ("adapters", "databases, external APIs, cache, file system and messaging."),
    ("api", "the interface: HTTP endpoints and command-line commands."),
    ("utils", "shared pure helpers that import no layer."),
)
SUITES = (
    ("tests/__init__.py", ""),
    ("tests/unit/__init__.py", ": unit tests, isolated from external services"),
    ("tests/integration/__init__.py", ": integration tests, marked 'integration'"),
)
TESTED_MODULES = ("config", "exceptions", "logging")
# How test docstrings name a project whose import package is unknown.
UNKNOWN_PACKAGE = "the project"


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill a template's ``{{name}}`` placeholders.

    Placeholders without a value are left as they are, so text that merely
    looks like one (Mako's ``${...}``) passes through.

    Args:
        template: The template text.
        values: Placeholder values.

    Returns:
        The rendered text.
    """
    return PLACEHOLDER.sub(
        lambda match: values.get(match.group(1), match.group(0)), template
    )


def template_values(package: str) -> dict[str, str]:
    """Return the placeholder values every template may use.

    Args:
        package: The import package.

    Returns:
        ``pkg``, ``dist``, ``prefix`` and ``description``.
    """
    return {
        "pkg": package,
        "dist": package.replace("_", "-"),
        "prefix": package.upper() + "_",
        "description": DESCRIPTION,
    }


def config_text(values: Mapping[str, str], docs: str = "", fields: str = "") -> str:
    """Render ``config.py`` with optional extra fields.

    Args:
        values: Placeholder values.
        docs: Attribute documentation lines of the extra fields.
        fields: Declarations of the extra fields.

    Returns:
        The module's text.
    """
    return render(modules.CONFIG, {**values, "field_docs": docs, "fields": fields})


def layout_file(package: str | None, path: str) -> str | None:
    """Return compliant content for a missing layout file.

    Args:
        package: The project's import package (None: only ``tests/`` files).
        path: The missing file's project-relative path.

    Returns:
        The file's text, or None when the path is not a layout file.
    """
    values = template_values(package or UNKNOWN_PACKAGE)
    files = {"tests/conftest.py": suites.CONFTEST_STANDALONE}
    for suite_path, label in SUITES:
        files[suite_path] = render(suites.TESTS_INIT, {**values, "suite": label})
    if package:
        source = f"src/{package}/"
        files |= {
            f"{source}__init__.py": render(modules.PACKAGE_INIT, values),
            f"{source}__main__.py": render(modules.MAIN_STANDALONE, values),
            f"{source}config.py": config_text(values),
            f"{source}exceptions.py": modules.EXCEPTIONS,
            f"{source}logging.py": modules.LOGGING,
        }
        for layer, role in LAYER_ROLES:
            files[f"{source}{layer}/__init__.py"] = render(
                modules.LAYER_INIT, {**values, "layer": layer, "responsibility": role}
            )
    return files.get(path)


def module_tests(package: str, path: str) -> tuple[str, str] | None:
    """Return the unit test module of a package module that ``--fix`` creates.

    Args:
        package: The project's import package.
        path: The created module's project-relative path.

    Returns:
        (test path, text), or None when the module gets no test module.
    """
    stem = PurePosixPath(path).stem
    if stem not in TESTED_MODULES or path != f"src/{package}/{stem}.py":
        return None
    templates = {
        "config": suites.TEST_CONFIG_STANDALONE,
        "exceptions": suites.TEST_EXCEPTIONS,
        "logging": suites.TEST_LOGGING,
    }
    return f"tests/unit/test_{stem}.py", render(
        templates[stem], template_values(package)
    )
