"""Tests for the project's class index."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.class_index import SETTINGS_BASES
from strictpy.services.project_pass import context_from_files

FILES = MappingProxyType(
    {
        "src/shop/__init__.py": "",
        "src/shop/base.py": (
            '"""Base."""\nfrom pydantic_settings import BaseSettings\n\n\n'
            "class Base(BaseSettings, env_prefix='B_'):\n"
            '    """B."""\n\n    model_config = {"env_file": ".env"}\n    name: str\n    port: int = 1\n'
        ),
        "src/shop/config.py": (
            '"""Config."""\nfrom shop.base import Base\n\n\n'
            'class Middle(Base):\n    """M."""\n\n    port: int\n\n\n'
            'class Settings(Middle):\n    """S."""\n\n    model_config = {"env_prefix": "S_"}\n'
            '\n\nclass Cycle(Cycle):\n    """C."""\n'
        ),
        "tests/test_x.py": '"""T."""\n\n\nclass Hidden(Exception):\n    """H."""\n',
    }
)


def test_lineage_and_settings_classes() -> None:
    """Bases resolve across modules; tests are left out; cycles end."""
    classes = context_from_files(FILES).classes
    assert classes.lineage("shop.config.Settings") == (
        "shop.config.Middle",
        "shop.base.Base",
        "pydantic_settings.BaseSettings",
    )
    names = [record.qualname for record in classes.settings_classes()]
    assert names == ["shop.base.Base", "shop.config.Middle", "shop.config.Settings"]
    assert all("Hidden" not in record.qualname for record in classes)
    assert classes.lineage("shop.config.Cycle") == ()
    assert not classes.derives_from("shop.config.Cycle", SETTINGS_BASES)


def test_merged_fields_and_config() -> None:
    """Subclasses override inherited fields and config entries."""
    classes = context_from_files(FILES).classes
    fields = classes.fields("shop.config.Settings")
    assert set(fields) == {"name", "port"}
    assert fields["port"].has_default is False
    config = classes.config("shop.config.Settings")
    assert config == {"env_prefix": '"S_"', "env_file": '".env"'}
    assert [record.fact.name for record in classes.in_file("src/shop/config.py")] == [
        "Middle",
        "Settings",
        "Cycle",
    ]
