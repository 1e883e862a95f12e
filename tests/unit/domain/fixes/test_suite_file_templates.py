"""Tests for the test file texts ``--fix`` writes."""

from __future__ import annotations

from strictpy.domain.fixes import suite_file_templates
from strictpy.domain.fixes.layout_files import render, template_values
from tests.conftest import run_source


def test_conftest_and_package_markers_are_compliant() -> None:
    """The standalone conftest and the package markers pass every file rule."""
    values = template_values("shop")
    texts = {
        "tests/conftest.py": suite_file_templates.CONFTEST_STANDALONE,
        "tests/__init__.py": render(suite_file_templates.TESTS_INIT, values),
    }
    for path, text in texts.items():
        assert [f.code for f in run_source(text, path=path, package="shop")] == []


def test_config_test_isolates_the_environment() -> None:
    """The settings test runs in an empty folder with its own variable."""
    text = render(suite_file_templates.TEST_CONFIG_STANDALONE, template_values("shop"))
    assert "monkeypatch.chdir(tmp_path)" in text
    assert 'monkeypatch.setenv("SHOP_LOG_LEVEL", "DEBUG")' in text
