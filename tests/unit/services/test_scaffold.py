"""Tests for ``strictpy new``: the plan per variant, formatting, writing, locking."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import libcst as cst
import pytest

from strictpy.adapters.ruff_runner import find_ruff
from strictpy.domain.ruleset_data import (
    LAYER_PACKAGES,
    PACKAGE_MODULES,
    REQUIRED_PROJECT_FILES,
    TEST_SCAFFOLD,
)
from strictpy.exceptions import ExternalServiceError
from strictpy.services import scaffold
from strictpy.services.audit import AuditRequest, run_audit
from strictpy.services.scaffold import create_project, format_plan, scaffold_plan
from strictpy.services.scaffold_options import (
    Cache,
    CliFramework,
    Database,
    HttpFramework,
    ScaffoldOptions,
)

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

VARIANTS = MappingProxyType(
    {
        "default": ScaffoldOptions(),
        "http": ScaffoldOptions(http=HttpFramework.FASTAPI),
        "typer": ScaffoldOptions(cli=CliFramework.TYPER),
        "db": ScaffoldOptions(db=Database.POSTGRES),
        "cache": ScaffoldOptions(cache=Cache.REDIS),
        "all": ScaffoldOptions(
            HttpFramework.FASTAPI, CliFramework.TYPER, Database.POSTGRES, Cache.REDIS
        ),
    }
)


def test_plan_has_every_mandated_file() -> None:
    """Section 1's modules, layers, test scaffold and project files are planned."""
    plan = scaffold_plan("shop", ScaffoldOptions())
    expected = {
        *(f"src/shop/{name}" for name in PACKAGE_MODULES),
        *(f"src/shop/{layer}/__init__.py" for layer in LAYER_PACKAGES),
        *TEST_SCAFFOLD,
        *(name for name in REQUIRED_PROJECT_FILES if name != "uv.lock"),
    }
    assert expected <= set(plan)
    assert "compose.yaml" not in plan
    for path, text in plan.items():
        if path.endswith(".py"):
            cst.parse_module(text)


def test_options_add_their_components() -> None:
    """Database and cache bring compose, adapters, migrations and tests."""
    plan = scaffold_plan("shop", VARIANTS["all"])
    for path in (
        "compose.yaml",
        "alembic.ini",
        "migrations/env.py",
        "src/shop/adapters/database.py",
        "src/shop/adapters/cache.py",
        "src/shop/api/http.py",
        "tests/unit/test_http.py",
    ):
        assert path in plan


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_variant_passes_strictpy(tmp_path: Path, variant: str) -> None:
    """Without Ruff and a lock file, the only finding is the missing ``uv.lock``.

    Args:
        tmp_path: The project folder.
        variant: The variant's name.
    """
    for path, text in scaffold_plan("shop", VARIANTS[variant]).items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    report = run_audit(AuditRequest((".",), {"ruff": False}, jobs=1), tmp_path)
    assert [(f.code, f.path) for f in report.findings] == [("SP705", "uv.lock")]


@pytest.mark.skipif(find_ruff() is None, reason="ruff is not installed")
def test_long_names_are_formatted() -> None:
    """A longer package name pushes imports past 88 columns; Ruff wraps them."""
    name = "inventory_management_service"
    raw = scaffold_plan(name, VARIANTS["all"])
    plan, notice = format_plan(raw)
    assert notice is None
    assert plan != raw
    again, _ = format_plan(plan)
    assert again == plan


def test_format_without_ruff_is_a_notice(mocker: MockerFixture) -> None:
    """When Ruff cannot run the plan is kept as it is.

    Args:
        mocker: Pytest-mock's patcher.
    """
    mocker.patch.object(
        scaffold, "format_sources", side_effect=ExternalServiceError("no ruff")
    )
    plan = scaffold_plan("shop", ScaffoldOptions())
    formatted, notice = format_plan(plan)
    assert formatted == plan
    assert notice == "no ruff; the new Python files were not formatted"


def test_create_project(tmp_path: Path, mocker: MockerFixture) -> None:
    """Files are written; the lock step's outcome becomes a notice or a file.

    Args:
        tmp_path: A folder for the projects.
        mocker: Pytest-mock's patcher.
    """
    mocker.patch.object(scaffold, "format_sources", side_effect=lambda texts, _: texts)
    unlocked = create_project("shop", tmp_path / "a", ScaffoldOptions(), lock=False)
    assert (tmp_path / "a" / "src" / "shop" / "__main__.py").is_file()
    assert "uv.lock" not in unlocked.files
    assert unlocked.notices == (
        "uv.lock was not created; run 'uv lock' in the new project",
    )
    locker = mocker.patch.object(scaffold, "lock_project", return_value=None)
    locked = create_project("shop", tmp_path / "b", ScaffoldOptions(), lock=True)
    assert "uv.lock" in locked.files
    assert locked.notices == ()
    assert locker.call_args.args[0] == tmp_path / "b"
    locker.return_value = "uv was not found"
    failed = create_project("shop", tmp_path / "c", ScaffoldOptions(), lock=True)
    assert failed.notices == ("uv was not found",)
