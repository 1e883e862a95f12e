"""Tests for the package module texts: valid, and what the ruleset requires."""

from __future__ import annotations

from strictpy.domain.fixes import module_templates
from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.domain.ruleset_data import EXCEPTION_HIERARCHY


def test_exception_hierarchy_matches_the_ruleset() -> None:
    """Every class of section 7.1 is defined with its base."""
    for name, base in EXCEPTION_HIERARCHY:
        assert f"class {name}({base}):" in module_templates.EXCEPTIONS


def test_config_and_logging_carry_the_requirements() -> None:
    """Settings read ``.env`` with a log level; logging uses dictConfig and JSON."""
    config = render(module_templates.CONFIG, template_values("shop"))
    assert 'env_file=".env"' in config
    assert "log_level: LogLevel" in config
    assert "logging.config.dictConfig(" in module_templates.LOGGING
    assert "json.dumps(" in module_templates.LOGGING


def test_entry_point_runs_a_function() -> None:
    """``__main__`` calls ``main()`` under the main guard (SP708)."""
    text = render(module_templates.MAIN_STANDALONE, template_values("shop"))
    assert 'if __name__ == "__main__":\n    sys.exit(main())\n' in text
