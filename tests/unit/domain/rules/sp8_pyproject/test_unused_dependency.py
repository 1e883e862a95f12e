"""Tests for SP808 unused-dependency."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP808"
PYPROJECT = """[project]
name = "shop"
dependencies = [
    "pydantic-settings>=2",
    "PyYAML>=6",
    "asyncpg>=0.30",
    "uvicorn[standard]>=0.30",
    "python-multipart",
    "fastapi",
    "requests>=2",
    "shop-plugins",
]
"""


def _files(**extra: str) -> dict[str, str]:
    """Build the project with the shared pyproject and some files.

    Args:
        **extra: Relative path (``__`` for ``/``, ``_dot_`` for ``.``) to text.

    Returns:
        The files.
    """
    files = {"pyproject.toml": PYPROJECT}
    for key, text in extra.items():
        files[key.replace("__", "/").replace("_dot_", ".")] = text
    return files


def test_uses_by_import_driver_command_and_implicit() -> None:
    """Imports (mapped names), a URL driver, a Dockerfile command, FastAPI's helper."""
    files = _files(
        src__shop__config_dot_py=(
            '"""C."""\nimport yaml\nfrom pydantic_settings import BaseSettings\n\n'
            'URL = f"postgresql+asyncpg://{USER}@db/shop"\n'
        ),
        src__shop__api__app_dot_py='"""A."""\nfrom fastapi import FastAPI\n',
        scripts__fetch_dot_py='"""F."""\nimport requests\n',
        Dockerfile='CMD ["uvicorn", "shop.api.app:app"]\n',
    )
    files["src/shop/plugins.py"] = '"""P."""\nimport shop_plugins\n'
    assert locations(CODE, files) == []


def test_unused_reported_at_requirement_line() -> None:
    """Only test imports and a comment mention: reported at each entry's line."""
    files = _files(
        src__shop__config_dot_py='"""C."""\nfrom pydantic_settings import BaseSettings\n',
        tests__test_x_dot_py='"""T."""\nimport requests\nimport yaml\n',
        Dockerfile='# uvicorn-like servers are not used here\nCMD ["python", "-m", "shop"]\n',
    )
    found = findings_of(CODE, files)
    # python-multipart is FastAPI's (declared) helper; FastAPI itself is unused.
    assert [(f.line, f.message.split("'")[1]) for f in found] == [
        (5, "PyYAML"),
        (6, "asyncpg"),
        (7, "uvicorn"),
        (9, "fastapi"),
        (10, "requests"),
        (11, "shop-plugins"),
    ]


def test_driver_named_in_env_example_and_installed_map() -> None:
    """A driver in .env.example counts; installed metadata maps odd names."""
    files = {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = ["asyncpg", "odd-dist"]\n',
        ".env.example": "APP_DB_URL=postgresql+asyncpg://db/app\n",
        "src/x/a.py": '"""A."""\nimport weird_module\n',
    }
    assert (
        findings_of(CODE, files, package="x", installed={"weird_module": ("Odd_Dist",)})
        == []
    )
    assert [f.line for f in findings_of(CODE, files, package="x")] == [3]
