"""Tests for reading installed distributions' metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.adapters.installed_packages import (
    project_site_packages,
    read_environment,
)

if TYPE_CHECKING:
    from pathlib import Path


def _dist_info(site: Path, name: str, version: str, files: dict[str, str]) -> None:
    """Write a minimal ``.dist-info`` folder.

    Args:
        site: The site-packages folder.
        name: The distribution name.
        version: Its version.
        files: Extra metadata files by name (``top_level.txt``, ``RECORD``).
    """
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    for file_name, text in files.items():
        (info / file_name).write_text(text, encoding="utf-8")


def test_reads_top_level_and_record(tmp_path: Path) -> None:
    """``top_level.txt`` wins; otherwise modules come from the RECORD's files.

    Args:
        tmp_path: A project root with a ``.venv``.
    """
    site = tmp_path / ".venv" / "lib" / "python3.13" / "site-packages"
    _dist_info(site, "PyYAML", "6.0", {"top_level.txt": "yaml\n_yaml\n"})
    _dist_info(
        site,
        "python-dotenv",
        "1.0",
        {
            "RECORD": (
                "dotenv/__init__.py,,\ndotenv/main.py,,\nsingle.py,,\n"
                "python_dotenv-1.0.dist-info/METADATA,,\n../../bin/dotenv,,\n"
                "__pycache__/single.cpython-313.pyc,,\nnot-a-module/x.txt,,\n"
            )
        },
    )
    # importlib.metadata lists only the RECORD files that exist.
    for installed in ("dotenv/__init__.py", "dotenv/main.py", "single.py"):
        (site / installed).parent.mkdir(parents=True, exist_ok=True)
        (site / installed).write_text("", encoding="utf-8")
    (site / "__pycache__").mkdir()
    (site / "__pycache__" / "single.cpython-313.pyc").write_bytes(b"")
    (site / "not-a-module").mkdir()
    (site / "not-a-module" / "x.txt").write_text("", encoding="utf-8")
    assert project_site_packages(tmp_path) == (site,)
    environment = read_environment(project_site_packages(tmp_path))
    assert environment.distributions == frozenset({"pyyaml", "python-dotenv"})
    assert environment.import_map["yaml"] == ("PyYAML",)
    assert environment.import_map["_yaml"] == ("PyYAML",)
    assert environment.import_map["dotenv"] == ("python-dotenv",)
    assert environment.import_map["single"] == ("python-dotenv",)
    assert "not-a-module" not in environment.import_map
    assert "__pycache__" not in environment.import_map


def test_no_virtual_environment(tmp_path: Path) -> None:
    """A project without ``.venv`` has no site-packages.

    Args:
        tmp_path: An empty project root.
    """
    assert project_site_packages(tmp_path) == ()


def test_running_environment_has_this_project_dependencies() -> None:
    """The running interpreter's environment knows libcst (a dependency)."""
    environment = read_environment()
    assert "libcst" in environment.distributions
    assert "libcst" in environment.import_map
