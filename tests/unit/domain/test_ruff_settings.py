"""Tests for the Ruff configuration strictpy runs Ruff with."""

from __future__ import annotations

import tomllib

from strictpy.domain.pyproject_model import parse_pyproject
from strictpy.domain.ruff_settings import ruff_toml

LINE_LENGTH = 88


def test_canonical_without_project() -> None:
    """Without a pyproject the ruleset's table is used as is."""
    config = tomllib.loads(ruff_toml(None))
    assert config["line-length"] == LINE_LENGTH
    assert "TCH" in config["lint"]["select"]
    assert config["lint"]["per-file-ignores"]["__init__.py"] == ["F401"]
    assert config["format"]["quote-style"] == "double"


def test_accepted_extras_kept_weakening_changes_dropped() -> None:
    """extend-exclude and type-checking exemptions come from the project; ignores do not."""
    pyproject = parse_pyproject(
        '[tool.ruff]\nline-length = 120\nextend-exclude = ["gen"]\n'
        '[tool.ruff.lint]\nignore = ["F401"]\n'
        "[tool.ruff.lint.flake8-type-checking]\n"
        'runtime-evaluated-base-classes = ["pydantic.BaseModel"]\n'
    )
    config = tomllib.loads(ruff_toml(pyproject))
    assert config["line-length"] == LINE_LENGTH
    assert config["extend-exclude"] == ["gen"]
    assert "F401" not in config["lint"]["ignore"]
    checking = config["lint"]["flake8-type-checking"]
    assert checking["runtime-evaluated-base-classes"] == ["pydantic.BaseModel"]
    assert checking["strict"] is True


def test_invalid_project_file() -> None:
    """An invalid pyproject contributes nothing."""
    config = tomllib.loads(ruff_toml(parse_pyproject("[tool.ruff\n")))
    assert config["line-length"] == LINE_LENGTH
