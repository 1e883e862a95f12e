"""Tests for SP408 logging-not-json-dictconfig."""

from __future__ import annotations

from strictpy.domain.rules.sp4_errors.logging_not_json_dictconfig import (
    LoggingNotJsonDictconfig,
)
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP408"
PATH = "src/shop/logging.py"
CONFIGURE = (
    '\n\ndef configure() -> None:\n    """Configure."""\n'
    '    dictConfig({"version": 1, "formatters": {"json": {"()": FORMATTER}}})\n'
)


def test_rule_example_module_is_silent() -> None:
    """The documented compliant module passes."""
    (example,) = LoggingNotJsonDictconfig.VALID
    assert locations(CODE, dict(example.files)) == []


def test_known_library_formatter_named_in_string() -> None:
    """from logging.config import dictConfig + pythonjsonlogger by string."""
    text = (
        '"""Logging."""\nfrom logging.config import dictConfig\n\n'
        'FORMATTER = "pythonjsonlogger.json.JsonFormatter"\n' + CONFIGURE
    )
    assert locations(CODE, {PATH: text}) == []


def test_formatter_imported_from_project_module() -> None:
    """A JSON formatter defined in another project module and imported."""
    formatter = (
        '"""Formats."""\nimport logging\n\nimport orjson\n\n\n'
        "class JsonLines(logging.Formatter):\n"
        '    """JSON."""\n\n    def format(self, record: logging.LogRecord) -> str:\n'
        '        """F."""\n        return orjson.dumps({}).decode()\n'
    )
    text = (
        '"""Logging."""\nimport logging.config as lc\n\nfrom shop.utils.formats import JsonLines\n\n'
        "FORMATTER = JsonLines\n" + CONFIGURE.replace("dictConfig(", "lc.dictConfig(")
    )
    files = {
        PATH: text,
        "src/shop/utils/formats.py": formatter,
        "src/shop/__init__.py": "",
    }
    assert locations(CODE, files) == []


def test_basic_config_reports_both_parts() -> None:
    """logging.basicConfig: no dictConfig and no JSON formatter."""
    text = '"""Logging."""\nimport logging\n\nlogging.basicConfig()\n'
    found = findings_of(CODE, {PATH: text})
    assert [(f.path, f.line) for f in found] == [(PATH, None), (PATH, None)]
    assert any("dictConfig" in f.message for f in found)
    assert any("JSON formatter" in f.message for f in found)


def test_formatter_that_does_not_emit_json() -> None:
    """A Formatter subclass without json.dumps is not a JSON formatter."""
    text = (
        '"""Logging."""\nimport json\nimport logging\nfrom logging.config import dictConfig\n\n\n'
        "class Plain(logging.Formatter):\n"
        '    """Plain."""\n\n    def format(self, record: logging.LogRecord) -> str:\n'
        '        """F."""\n        return record.getMessage()\n\n\n'
        'def dump() -> str:\n    """Not a formatter."""\n    return json.dumps({})\n\n\n'
        "FORMATTER = Plain\n" + CONFIGURE
    )
    (finding,) = findings_of(CODE, {PATH: text})
    assert "JSON formatter" in finding.message


def test_missing_module_is_silent() -> None:
    """No logging.py: SP702's business."""
    assert locations(CODE, {"src/shop/__init__.py": ""}) == []
