"""Tests for computing the modules a project may import (SP809)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.services.declared_dependencies import declared_modules

if TYPE_CHECKING:
    from pathlib import Path

PYPROJECT = '[project]\nname = "app"\ndependencies = ["PyYAML>=6", "factory-boy"]\n'


def test_unknown_dependencies_are_none(tmp_path: Path) -> None:
    """Without ``[project]`` metadata the answer is unknown.

    Args:
        tmp_path: An empty project root.
    """
    assert declared_modules(tmp_path, None, (), "app") is None


def test_static_table_when_no_environment_describes_project(tmp_path: Path) -> None:
    """An environment lacking a declared distribution is not used: the table decides.

    Args:
        tmp_path: A project root without ``.venv``.
    """
    text = (
        '[project]\nname = "app"\ndependencies = ["factory-boy", "zz-missing-dist"]\n'
    )
    modules = declared_modules(tmp_path, text, {"src/app/__init__.py"}, "app")
    assert modules == frozenset({"factory", "zz_missing_dist", "app"})


def test_project_venv_describes_project(tmp_path: Path) -> None:
    """A project ``.venv`` holding every dependency gives exact import names.

    Args:
        tmp_path: A project root with a ``.venv``.
    """
    site = tmp_path / ".venv" / "lib" / "python3.13" / "site-packages"
    for name, top in (("PyYAML", "yaml\n_yaml\n"), ("factory_boy", "factory\n")):
        info = site / f"{name}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
        )
        (info / "top_level.txt").write_text(top, encoding="utf-8")
    modules = declared_modules(tmp_path, PYPROJECT, {"src/app/__init__.py"}, "app")
    assert modules == frozenset({"yaml", "_yaml", "factory", "app"})


def test_running_environment_describes_this_project() -> None:
    """strictpy's own environment has its declared dependencies installed."""
    from pathlib import Path  # noqa: PLC0415 - runtime use in this test only

    root = Path(__file__).resolve().parents[3]
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    modules = declared_modules(root, text, {"src/strictpy/__init__.py"}, "strictpy")
    assert modules is not None
    assert {"libcst", "yaml", "pydantic_settings", "strictpy"} <= modules
