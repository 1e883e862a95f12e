"""Tests for SP707 settings-not-pydantic."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp7_layout.settings_not_pydantic import reads_dotenv
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP707"
CONFIG = "src/shop/config.py"
HEADER = (
    '"""Settings."""\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n'
)


def test_direct_subclass_reading_env() -> None:
    """BaseSettings subclass with env_file=".env": silent."""
    source = HEADER + (
        "\n\nclass Settings(BaseSettings):\n"
        '    """S."""\n\n'
        '    model_config = SettingsConfigDict(env_prefix="S_", env_file=".env")\n'
    )
    assert locations(CODE, {CONFIG: source}) == []


def test_aliased_import_and_dict_config() -> None:
    """An aliased module import and a dict model_config are understood."""
    source = (
        '"""Settings."""\nimport pydantic_settings as ps\n\n\n'
        "class Settings(ps.BaseSettings):\n"
        '    """S."""\n\n'
        '    model_config = {"env_file": (".env", ".env.local")}\n'
    )
    assert locations(CODE, {CONFIG: source}) == []


def test_inherited_config_through_project_base() -> None:
    """A subclass of a project base class inherits its env_file."""
    base = (
        '"""Base."""\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n\n\n'
        "class AppSettings(BaseSettings):\n"
        '    """Base."""\n\n'
        '    model_config = SettingsConfigDict(env_file=".env")\n'
    )
    config = (
        '"""Settings."""\nfrom shop.utils.base import AppSettings\n\n\n'
        'class Settings(AppSettings):\n    """S."""\n\n    debug: bool = False\n'
    )
    files = {"src/shop/utils/base.py": base, CONFIG: config, "src/shop/__init__.py": ""}
    assert locations(CODE, files) == []


def test_no_settings_class() -> None:
    """A config module reading os.environ is reported without a line."""
    source = '"""Settings."""\nimport os\n\nDEBUG = os.environ.get("DEBUG")\n'
    (finding,) = findings_of(CODE, {CONFIG: source})
    assert (finding.path, finding.line) == (CONFIG, None)
    assert "no BaseSettings subclass" in finding.message


def test_pydantic_basemodel_is_not_settings() -> None:
    """A pydantic BaseModel reads no environment."""
    source = (
        '"""Settings."""\nfrom pydantic import BaseModel\n\n\n'
        'class Settings(BaseModel):\n    """S."""\n'
    )
    assert locations(CODE, {CONFIG: source}) == [(CONFIG, None)]


def test_settings_without_env_file_points_at_class() -> None:
    """env_prefix only: reported at the class line."""
    source = HEADER + (
        "\n\n@decorated\nclass Settings(BaseSettings):\n"
        '    """S."""\n\n'
        '    model_config = SettingsConfigDict(env_prefix="S_")\n'
    )
    assert locations(CODE, {CONFIG: source}) == [(CONFIG, 6)]


def test_missing_config_module_is_silent() -> None:
    """No config.py: SP702's business."""
    assert locations(CODE, {"src/shop/__init__.py": ""}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('".env"', True),
        ('"deploy/.env.prod"', True),
        ('(".env.local", ".env")', True),
        ("ENV_FILE", True),
        ("None", False),
        ('"settings.ini"', False),
        (None, False),
    ],
)
def test_reads_dotenv(text: str | None, expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Literal paths are judged by name; expressions are accepted.

    Args:
        text: The env_file source text.
        expected: Whether it counts as reading .env.
    """
    assert reads_dotenv(text) is expected
