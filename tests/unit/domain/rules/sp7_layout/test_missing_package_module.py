"""Tests for SP702 missing-package-module."""

from __future__ import annotations

from strictpy.domain.ruleset_data import PACKAGE_MODULES
from tests.unit.domain.rules.project_cases import locations

CODE = "SP702"


def test_complete_package_is_silent() -> None:
    """Every mandatory module present: no finding."""
    files = {f"src/shop/{name}": "" for name in PACKAGE_MODULES}
    assert locations(CODE, files) == []


def test_each_missing_module_is_one_finding() -> None:
    """Only __init__ present: four findings, one per missing module."""
    found = locations(CODE, {"src/shop/__init__.py": ""})
    assert found == [
        ("src/shop/__main__.py", None),
        ("src/shop/config.py", None),
        ("src/shop/exceptions.py", None),
        ("src/shop/logging.py", None),
    ]


def test_module_in_subpackage_does_not_count() -> None:
    """config.py in a layer package is not the package's config module."""
    files = {f"src/shop/{name}": "" for name in PACKAGE_MODULES if name != "config.py"}
    files["src/shop/services/config.py"] = ""
    assert locations(CODE, files) == [("src/shop/config.py", None)]


def test_unknown_package_is_silent() -> None:
    """Without a package name there is nothing to name (SP701 reports)."""
    assert locations(CODE, {"main.py": ""}, package=None) == []
