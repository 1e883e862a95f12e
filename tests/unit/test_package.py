"""Tests for the package's own metadata."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import strictpy

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_version_matches_the_project_and_the_installed_metadata() -> None:
    """``__version__`` is the version of ``pyproject.toml`` and of the install."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert strictpy.__version__ == project["version"]
    assert strictpy.__version__ == version("strictpy")
