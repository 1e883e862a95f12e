"""Tests for example values."""

from __future__ import annotations

from strictpy.domain.examples import (
    DEFAULT_EXAMPLE_PATH,
    Invalid,
    ProjectInvalid,
    ProjectValid,
    Valid,
)


def test_defaults() -> None:
    """Examples default to a services module and no fix."""
    assert Valid("x = 1\n").path == DEFAULT_EXAMPLE_PATH
    assert Invalid("x = 1\n").expected_fix is None
    assert dict(ProjectValid().files) == {}
    assert ProjectInvalid().line is None
