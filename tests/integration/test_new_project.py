"""``strictpy new`` end to end: every variant passes ``strictpy check``, tests run.

The variant tests lock the new project with the real ``uv lock`` (PyPI must be
reachable) and check it with Ruff on; the default variant's own test suite
then runs with ``uv run pytest``. They are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.adapters.uv_locker import find_uv
from strictpy.api.cli import app

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
EXIT_ERROR = 2
UV_TIMEOUT_SECONDS = 900
VARIANTS = MappingProxyType(
    {
        "default": [],
        "http": ["--http", "fastapi"],
        "typer": ["--cli", "typer"],
        "db": ["--db", "postgres"],
        "cache": ["--cache", "redis"],
        "all": [
            "--http",
            "fastapi",
            "--cli",
            "typer",
            "--db",
            "postgres",
            "--cache",
            "redis",
        ],
    }
)
needs_uv = pytest.mark.skipif(
    find_uv() is None, reason="the uv executable is not on PATH"
)


def _new(folder: Path, *options: str) -> None:
    """Scaffold a project with the command line and check it was locked.

    Args:
        folder: The new project's folder.
        *options: Component options.
    """
    result = RUNNER.invoke(app, ["new", "shop", "--dir", str(folder), *options])
    assert result.exit_code == 0, result.stderr
    assert (folder / "uv.lock").is_file(), result.stderr


def _uv_environment() -> dict[str, str]:
    """Return the environment for uv inside a scaffold.

    Returns:
        This process's environment without its virtual environment, with the
        running interpreter offered to uv (it is 3.13, as the project needs).
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT"}
    }
    environment["UV_PYTHON"] = sys.executable
    return environment


def test_invalid_names_are_refused(tmp_path: Path) -> None:
    """A keyword or a standard-library name is one error line, exit 2.

    Args:
        tmp_path: A fresh folder.
    """
    for name in ("class", "json", "My-App"):
        result = RUNNER.invoke(app, ["new", name, "--dir", str(tmp_path / "x")])
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith(
            f"strictpy: error: invalid project name '{name}'"
        )
    assert not (tmp_path / "x").exists()


def test_non_empty_folders_are_refused(tmp_path: Path) -> None:
    """Nothing is overwritten.

    Args:
        tmp_path: A folder that already holds a file.
    """
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["new", "shop", "--dir", str(tmp_path), "--no-lock"])
    assert result.exit_code == EXIT_ERROR
    assert "not empty" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.slow
@needs_uv
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_has_zero_findings(tmp_path: Path, variant: str) -> None:
    """``strictpy check`` with Ruff on reports nothing on a new project.

    Args:
        tmp_path: A fresh folder.
        variant: The variant's name.
    """
    folder = tmp_path / variant
    _new(folder, *VARIANTS[variant])
    result = RUNNER.invoke(app, ["check", "--format", "json", str(folder)])
    document = json.loads(result.stdout)
    assert document["findings"] == []
    assert result.exit_code == 0
    assert "warning" not in result.stderr


@pytest.mark.slow
@needs_uv
def test_default_variant_tests_pass(tmp_path: Path) -> None:
    """``uv lock`` and ``uv run pytest`` succeed inside the default scaffold.

    Args:
        tmp_path: A fresh folder.
    """
    folder = tmp_path / "shop"
    _new(folder)
    uv = find_uv() or "uv"
    environment = _uv_environment()
    for arguments in (
        ["lock", "--check"],
        ["run", "pytest", "-q", "-p", "no:cacheprovider"],
    ):
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [uv, *arguments],
            cwd=folder,
            env=environment,
            capture_output=True,
            text=True,
            timeout=UV_TIMEOUT_SECONDS,
            check=False,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
