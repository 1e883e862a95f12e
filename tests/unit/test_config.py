"""Tests for configuration loading and precedence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.config import Settings, load_settings, read_tool_table
from strictpy.exceptions import ConfigurationError

if TYPE_CHECKING:
    from pathlib import Path


def _pyproject(tmp_path: Path, body: str) -> Path:
    """Write a pyproject.toml with a [tool.strictpy] table.

    Args:
        tmp_path: The folder.
        body: The table's body.

    Returns:
        The file's path.
    """
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.strictpy]\n{body}\n", encoding="utf-8")
    return path


def test_precedence_file_env_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyproject < environment < command line.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    path = _pyproject(tmp_path, 'select = ["SP1"]\nignore = ["SP101"]\nmax-methods = 5')
    assert load_settings(path, {}).select == ("SP1",)
    monkeypatch.setenv("STRICTPY_SELECT", "SP2, SP3")
    settings = load_settings(path, {"ignore": ("SP3",), "select": None})
    assert settings.select == ("SP2", "SP3")
    assert settings.ignore == ("SP3",)
    assert (settings.max_methods, settings.max_module_lines) == (5, 600)


def test_dotenv_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .env file in the working directory counts like the environment.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("STRICTPY_MAX_MODULE_LINES=42\n", encoding="utf-8")
    assert (Settings().max_module_lines, Settings().max_methods) == (42, 20)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1", "unknown configuration key 'colour'"),
        ("max-methods = 0", "invalid configuration value for 'max-methods'"),
        ("select = [", "pyproject.toml: invalid TOML"),
    ],
)
def test_bad_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    """Bad keys, values and TOML are configuration errors naming the culprit.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
        body: The ``[tool.strictpy]`` table's content.
        message: What the error must say.
    """
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError, match=message):
        load_settings(_pyproject(tmp_path, body), {})


def test_missing_pyproject_is_empty(tmp_path: Path) -> None:
    """No pyproject.toml means defaults.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    assert read_tool_table(tmp_path / "pyproject.toml") == {}
