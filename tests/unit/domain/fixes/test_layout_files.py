"""Tests for SP702-SP704's fixes: compliant content for missing layout files."""

from __future__ import annotations

import pytest

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.fixes.layout_files import (
    config_text,
    layout_file,
    module_tests,
    render,
    template_values,
)
from strictpy.domain.ruleset_data import LAYER_PACKAGES, PACKAGE_MODULES, TEST_SCAFFOLD
from tests.conftest import run_source

LAYOUT_PATHS = (
    *(f"src/shop/{name}" for name in PACKAGE_MODULES),
    *(f"src/shop/{layer}/__init__.py" for layer in LAYER_PACKAGES),
    *TEST_SCAFFOLD,
)
# The project declares pydantic-settings, as ruleset section 2 requires.
OPTIONS = RuleOptions(
    package="shop", declared_modules=frozenset({"shop", "pydantic_settings"})
)


@pytest.mark.parametrize("path", LAYOUT_PATHS)
def test_every_layout_file_is_compliant(path: str) -> None:
    """Each file the fix creates passes every file rule of strictpy.

    Args:
        path: A mandated file.
    """
    text = layout_file("shop", path)
    assert text is not None
    assert [f.code for f in run_source(text, path=path, options=OPTIONS)] == []


def test_tests_of_created_modules_are_compliant() -> None:
    """The test modules written next to new modules pass every file rule."""
    for name in ("config", "exceptions", "logging"):
        found = module_tests("shop", f"src/shop/{name}.py")
        assert found is not None
        path, text = found
        assert path == f"tests/unit/test_{name}.py"
        assert [f.code for f in run_source(text, path=path, package="shop")] == []
    assert module_tests("shop", "src/shop/__main__.py") is None
    assert module_tests("shop", "src/other/config.py") is None


def test_unknown_paths_and_packages() -> None:
    """Only layout paths have content; without a package only ``tests/`` files."""
    assert layout_file("shop", "src/shop/services/orders.py") is None
    assert layout_file(None, "src/shop/config.py") is None
    assert layout_file(None, "tests/unit/__init__.py") is not None


def test_render_and_values() -> None:
    """Placeholders are filled; unknown ones and Mako's syntax pass through."""
    values = template_values("my_shop")
    assert values["dist"] == "my-shop"
    assert values["prefix"] == "MY_SHOP_"
    assert render("{{pkg}} {{nope}} ${mako}", values) == "my_shop {{nope}} ${mako}"
    assert "    port: int = 8000\n" in config_text(values, "", "    port: int = 8000\n")
