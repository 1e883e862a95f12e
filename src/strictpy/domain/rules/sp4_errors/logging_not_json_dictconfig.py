"""SP408 logging-not-json-dictconfig: ``logging.py`` lacks ``dictConfig`` or a JSON formatter."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.facts import FileFacts
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["LoggingNotJsonDictconfig", "configures_json_formatter"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

DICT_CONFIG = "logging.config.dictConfig"
# Modules of well-known JSON formatters: importing one, or naming it in the
# dictConfig (``"()": "pythonjsonlogger.json.JsonFormatter"``), configures JSON.
JSON_FORMATTER_MODULES = (
    "pythonjsonlogger",
    "json_log_formatter",
    "ecs_logging",
    "structlog.processors.JSONRenderer",
    "logstash_formatter",
)
LOGGING_OK = '''"""Structured logging."""
import json
import logging
import logging.config


class JsonFormatter(logging.Formatter):
    """Render records as JSON lines."""

    def format(self, record: logging.LogRecord) -> str:
        """Render one record.

        Args:
            record: The record.

        Returns:
            The JSON text.
        """
        return json.dumps({"level": record.levelname, "message": record.getMessage()})


def configure_logging(level: str) -> None:
    """Configure the root logger.

    Args:
        level: The log level.
    """
    logging.config.dictConfig(
        {
            "version": 1,
            "formatters": {"json": {"()": JsonFormatter}},
            "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "json"}},
            "root": {"handlers": ["out"], "level": level},
        }
    )
'''


def _is_known_formatter(reference: str) -> bool:
    """Tell whether a dotted reference names a well-known JSON formatter.

    Args:
        reference: A module or dotted class path.

    Returns:
        True when it is, or lies inside, a known JSON formatter module.
    """
    return any(
        reference == module or reference.startswith(module + ".")
        for module in JSON_FORMATTER_MODULES
    )


def configures_json_formatter(
    facts: FileFacts, project: dict[str, frozenset[str]]
) -> bool:
    """Tell whether a logging module configures a JSON formatter.

    Args:
        facts: The logging module's facts.
        project: Module name to the JSON formatter classes it defines.

    Returns:
        True when the module defines one, imports one (a known library's or a
        project module's), or names a known one in a string.
    """
    if facts.json_formatters:
        return True
    for fact in facts.imports:
        if _is_known_formatter(fact.module):
            return True
        if fact.name is not None and fact.name in project.get(fact.module, ()):
            return True
    return any(_is_known_formatter(text) for text in facts.dotted_strings)


class LoggingNotJsonDictconfig(ProjectRule):
    """Flags a ``<pkg>/logging.py`` that does not use ``dictConfig`` with a JSON formatter.

    Ruleset section 7.2: container logs are JSON-structured so ELK, Datadog
    or CloudWatch can parse them, and the setup lives in ``logging.py``
    through ``logging.config.dictConfig()``. A JSON formatter is a
    ``logging.Formatter`` subclass that calls ``json.dumps`` (or ``orjson``,
    ``ujson``...), defined in ``logging.py`` or imported from a project module,
    or a known library formatter (``pythonjsonlogger``, ``json_log_formatter``,
    ``ecs_logging``, structlog's ``JSONRenderer``) imported or named in the
    configuration. One finding per missing part; silent when ``logging.py``
    does not exist (SP702).
    """

    CODE = "SP408"
    NAME = "logging-not-json-dictconfig"
    MESSAGE = "'{module}' {problem}"
    FIX_HINT = "Call logging.config.dictConfig() with a JSON formatter in logging.py"
    RULESET_REF = "7.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PACKAGE_INIT: PACKAGE_DOC, "src/shop/logging.py": LOGGING_OK}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/logging.py": (
                        '"""Logging."""\nimport logging\n\n'
                        "logging.basicConfig(level=logging.INFO)\n"
                    ),
                }
            ),
            path="src/shop/logging.py",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a logging module without ``dictConfig`` or a JSON formatter.

        Args:
            ctx: The project.

        Yields:
            Up to two findings.
        """
        path = ctx.package_path("logging.py")
        facts = ctx.facts.get(path) if path is not None else None
        if path is None or facts is None:
            return
        if not any(call.name == DICT_CONFIG for call in facts.calls):
            yield self.finding(
                ctx,
                path,
                module=path,
                problem="does not call logging.config.dictConfig",
            )
        project = {
            ".".join(describe_file(other.path, ctx.package).module): frozenset(
                other.json_formatters
            )
            for other in ctx.code_facts
            if other.json_formatters
        }
        if not configures_json_formatter(facts, project):
            yield self.finding(
                ctx, path, module=path, problem="configures no JSON formatter"
            )
