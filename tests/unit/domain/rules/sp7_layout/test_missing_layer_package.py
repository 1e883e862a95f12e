"""Tests for SP703 missing-layer-package."""

from __future__ import annotations

from strictpy.domain.ruleset_data import LAYER_PACKAGES
from tests.unit.domain.rules.project_cases import locations

CODE = "SP703"


def test_all_layers_present() -> None:
    """Every layer has an __init__.py: no finding."""
    files = {f"src/shop/{layer}/__init__.py": "" for layer in LAYER_PACKAGES}
    assert locations(CODE, files) == []


def test_folder_without_init_is_missing() -> None:
    """A layer folder with modules but no __init__.py is reported."""
    files = {f"src/shop/{layer}/__init__.py": "" for layer in LAYER_PACKAGES}
    del files["src/shop/api/__init__.py"]
    files["src/shop/api/routes.py"] = ""
    assert locations(CODE, files, package="shop") == [
        ("src/shop/api/__init__.py", None)
    ]


def test_layer_at_wrong_level_does_not_count() -> None:
    """A top-level domain/ package is not src/<pkg>/domain/."""
    files = {"src/shop/__init__.py": "", "domain/__init__.py": ""}
    assert len(locations(CODE, files)) == len(LAYER_PACKAGES)
