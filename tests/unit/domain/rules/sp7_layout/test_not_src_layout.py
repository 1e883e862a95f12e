"""Tests for SP701 not-src-layout."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP701"


def test_src_package_is_silent() -> None:
    """A package under src/ with an __init__.py is the src layout."""
    files = {"src/shop/__init__.py": "", "pyproject.toml": '[project]\nname = "x"\n'}
    assert locations(CODE, files, package=None) == []


def test_top_level_package_reported_at_expected_init() -> None:
    """A top-level package is reported where src/<pkg>/__init__.py should be."""
    files = {
        "pyproject.toml": '[project]\nname = "my-shop"\n',
        "my_shop/__init__.py": "",
    }
    (finding,) = findings_of(CODE, files, package=None)
    assert (finding.path, finding.line) == ("src/my_shop/__init__.py", None)
    assert "src/my_shop/__init__.py" in finding.message


def test_src_folder_without_init_is_reported() -> None:
    """Modules under src/<pkg>/ without an __init__.py are no package."""
    files = {"src/shop/app.py": "", "pyproject.toml": '[project]\nname = "shop"\n'}
    assert locations(CODE, files, package=None) == [("src/shop/__init__.py", None)]


def test_flat_modules_without_any_name() -> None:
    """Without a package name the finding points at src."""
    assert locations(CODE, {"main.py": ""}, package=None) == [("src", None)]
