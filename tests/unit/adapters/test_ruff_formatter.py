"""Tests for formatting Python text with ``ruff format`` on stdin."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import ruff_formatter
from strictpy.adapters.ruff_formatter import format_sources
from strictpy.adapters.ruff_runner import find_ruff
from strictpy.domain.ruff_settings import ruff_toml
from strictpy.exceptions import ExternalServiceError

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

CONFIG = ruff_toml(None)
needs_ruff = pytest.mark.skipif(find_ruff() is None, reason="ruff is not installed")


@needs_ruff
def test_texts_are_formatted() -> None:
    """Every text comes back formatted with the ruleset's settings."""
    formatted = format_sources({"a.py": "x=1\n", "b.py": "y = 'q'\n"}, CONFIG)
    assert formatted == {"a.py": "x = 1\n", "b.py": 'y = "q"\n'}


@needs_ruff
def test_invalid_python_is_an_error() -> None:
    """Ruff refuses text that is not Python; the error names the file."""
    with pytest.raises(ExternalServiceError, match=r"broken\.py"):
        format_sources({"broken.py": "def f(:\n"}, CONFIG)


def test_nothing_to_format_and_no_ruff(mocker: MockerFixture) -> None:
    """No text needs no Ruff; a missing Ruff is an error.

    Args:
        mocker: Pytest-mock's patcher.
    """
    assert format_sources({}, CONFIG) == {}
    mocker.patch.object(ruff_formatter, "find_ruff", return_value=None)
    with pytest.raises(ExternalServiceError, match="not found"):
        format_sources({"a.py": "x=1\n"}, CONFIG)
