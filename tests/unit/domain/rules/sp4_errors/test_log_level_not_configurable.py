"""Tests for SP409 log-level-not-configurable."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp4_errors.log_level_not_configurable import (
    is_log_level_name,
)
from tests.unit.domain.rules.project_cases import locations

CODE = "SP409"
PATH = "src/shop/config.py"
HEADER = (
    '"""Settings."""\nfrom pydantic import Field\nfrom pydantic_settings import BaseSettings\n\n\n'
    'class Settings(BaseSettings):\n    """S."""\n\n'
)


@pytest.mark.parametrize(
    "field",
    [
        '    log_level: str = "INFO"\n',
        '    logging_level: str = "INFO"\n',
        '    level: str = Field(default="INFO", alias="LOG_LEVEL")\n',
    ],
)
def test_log_level_fields(field: str) -> None:
    """Names and aliases meaning 'log level' count.

    Args:
        field: The field line.
    """
    assert locations(CODE, {PATH: HEADER + field}) == []


def test_inherited_field_counts() -> None:
    """A log level defined on a project base class counts."""
    text = (
        HEADER
        + '    log_level: str = "INFO"\n\n\nclass Prod(Settings):\n    """P."""\n'
    )
    assert locations(CODE, {PATH: text}) == []


def test_missing_field_reported_at_class() -> None:
    """Only unrelated fields: reported at the class line."""
    text = HEADER + '    level_of_detail: int = 1\n    logger_name: str = "x"\n'
    assert locations(CODE, {PATH: text}) == [(PATH, 6)]


def test_no_settings_class_is_silent() -> None:
    """Without a settings class SP707 reports; SP409 stays silent."""
    assert locations(CODE, {PATH: '"""Settings."""\nLOG_LEVEL = "INFO"\n'}) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("log_level", True),
        ("LOG_LEVEL", True),
        ("logLevel", True),
        ("loglevel", True),
        ("APP_LOGGING_LEVEL", True),
        ("level", False),
        ("log_file", False),
        ("level_log", False),
    ],
)
def test_is_log_level_name(name: str, expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Words 'log'/'logging' followed by 'level', or 'loglevel'.

    Args:
        name: The name.
        expected: Whether it is a log-level name.
    """
    assert is_log_level_name(name) is expected
