"""strictpy's own structured logging: JSON lines on stderr (ruleset 7.2).

The report goes to stdout; logs never mix with it. Secret-like values in log
records are masked before they are written.
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, override

if TYPE_CHECKING:
    from strictpy.config import Settings

__all__ = ["JsonFormatter", "configure_logging"]

SECRET_VALUE = re.compile(
    r"(?i)\b(password|passwd|pwd|secret|token|api[_-]?key)\b(\s*[=:]\s*)\S+"
)


class JsonFormatter(logging.Formatter):
    """Formats each record as one JSON object with masked secrets."""

    @override
    def format(self, record: logging.LogRecord) -> str:
        """Render a record as a JSON line.

        Args:
            record: The log record.

        Returns:
            The JSON text.
        """
        message = SECRET_VALUE.sub(r"\1\2***", record.getMessage())
        payload = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Configure the ``strictpy`` loggers with ``dictConfig`` and a JSON formatter.

    Args:
        settings: The effective settings (their ``log_level``).
    """
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": JsonFormatter}},
            "handlers": {
                "stderr": {
                    "class": "logging.StreamHandler",
                    "formatter": "json",
                    "stream": "ext://sys.stderr",
                }
            },
            "loggers": {
                "strictpy": {
                    "handlers": ["stderr"],
                    "level": settings.log_level,
                    "propagate": False,
                }
            },
        }
    )
