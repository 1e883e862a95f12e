"""Tests for the exception hierarchy."""

from __future__ import annotations

import pytest

from strictpy import exceptions


@pytest.mark.parametrize(
    "name", [name for name in exceptions.__all__ if name != "AppError"]
)
def test_every_error_is_an_app_error(name: str) -> None:
    """All application errors inherit from AppError (ruleset 7.1).

    Args:
        name: An exception class's name.
    """
    assert issubclass(getattr(exceptions, name), exceptions.AppError)
