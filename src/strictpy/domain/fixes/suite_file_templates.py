"""Texts of the test files ``--fix`` and ``strictpy new`` write (ruleset 1, 3.3).

The package markers of ``tests/``, a ``conftest.py`` and the unit tests of the
modules ``--fix`` creates; none of them needs a fixture of the project's own.
"""

from __future__ import annotations

__all__ = [
    "CONFTEST_STANDALONE",
    "TESTS_INIT",
    "TEST_CONFIG_STANDALONE",
    "TEST_EXCEPTIONS",
    "TEST_LOGGING",
]

TESTS_INIT = '''"""Tests of {{pkg}}{{suite}}."""
'''


CONFTEST_STANDALONE = '''"""Global fixtures of the test suite."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def isolated_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run a test in an empty folder, away from the project's ``.env``.

    Args:
        tmp_path: A fresh folder for the test.
        monkeypatch: Pytest's patcher, which restores the folder afterwards.

    Returns:
        The folder.
    """
    monkeypatch.chdir(tmp_path)
    return tmp_path
'''


TEST_CONFIG_STANDALONE = '''"""Tests for the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from {{pkg}}.config import Settings

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_log_level_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``{{prefix}}LOG_LEVEL`` sets the log level.

    Args:
        tmp_path: An empty folder (no ``.env`` file).
        monkeypatch: Pytest's patcher.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("{{prefix}}LOG_LEVEL", "DEBUG")
    assert Settings().log_level == "DEBUG"
'''


TEST_EXCEPTIONS = '''"""Tests for the exception hierarchy."""

import pytest

from {{pkg}}.exceptions import (
    AppError,
    ConfigurationError,
    ExternalServiceError,
    NotFoundError,
    ValidationError,
)


@pytest.mark.parametrize(
    "error", [ValidationError, NotFoundError, ExternalServiceError, ConfigurationError]
)
def test_every_error_is_an_app_error(error: type[AppError]) -> None:
    """Each application error derives from AppError, itself an Exception.

    Args:
        error: An application error class.
    """
    assert issubclass(error, AppError)
    assert issubclass(AppError, Exception)
'''


TEST_LOGGING = '''"""Tests for the JSON logging."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from {{pkg}}.logging import JsonFormatter, configure_logging, mask_secrets

if TYPE_CHECKING:
    import pytest


def _record(message: str) -> logging.LogRecord:
    """Build a log record.

    Args:
        message: The record's message.

    Returns:
        The record.
    """
    return logging.LogRecord(__name__, logging.INFO, __file__, 1, message, None, None)


def test_records_are_json() -> None:
    """A record renders as one JSON object with level and message."""
    document = json.loads(JsonFormatter().format(_record("hello")))
    assert (document["level"], document["message"]) == ("INFO", "hello")


def test_exceptions_are_included() -> None:
    """A record with exception information carries it."""
    record = _record("failed")
    record.exc_info = (ValueError, ValueError("bad value"), None)
    assert "bad value" in json.loads(JsonFormatter().format(record))["exception"]


def test_secrets_are_masked() -> None:
    """Secret-like values never reach the log."""
    assert mask_secrets("sent token=abc123 upstream") == "sent token=*** upstream"


def test_configure_logging_writes_json(capsys: pytest.CaptureFixture[str]) -> None:
    """After configuration, records reach stderr as JSON lines.

    Args:
        capsys: Pytest's output capture.
    """
    configure_logging("INFO")
    logging.getLogger(__name__).warning("ready")
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert json.loads(last)["message"] == "ready"
'''
