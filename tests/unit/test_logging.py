"""Tests for JSON logging with masked secrets."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING

from strictpy.config import Settings
from strictpy.logging import JsonFormatter, configure_logging
from strictpy.services import root_audit

if TYPE_CHECKING:
    import pytest


def test_formatter_masks_secrets() -> None:
    """Records become JSON with secret values masked."""
    record = logging.LogRecord(
        "strictpy.x",
        logging.WARNING,
        __file__,
        1,
        "token=abc123 user=%s",
        ("bob",),
        None,
    )
    payload = json.loads(JsonFormatter().format(record))
    assert payload["message"] == "token=*** user=bob"
    assert payload["level"] == "WARNING"


def test_configure_logging_writes_json_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The strictpy logger writes JSON lines to stderr at the configured level.

    Args:
        capsys: Captures what the test writes to stdout and stderr.
    """
    configure_logging(Settings(log_level="INFO"))
    root_audit.logger.info("hello")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert json.loads(captured.err.strip().splitlines()[-1])["message"] == "hello"
    configure_logging(Settings())
