"""Tests for building a project's context from in-memory files."""

from __future__ import annotations

from strictpy.services.project_pass import context_from_files, project_name


def test_context_from_files() -> None:
    """Texts, folders, package detection and facts are all filled in."""
    files = {
        "pyproject.toml": '[project]\nname = "my-shop"\n',
        "Dockerfile": "FROM python:3.13-slim\n",
        "src/my_shop/__init__.py": '"""Shop."""\nimport os\n',
        "src/my_shop/data.txt": "not python",
        "tests/test_a.py": "def broken(:\n",
    }
    context = context_from_files(files, tracked=frozenset({"Dockerfile"}))
    assert context.package == "my_shop"
    assert set(context.texts) == {"pyproject.toml", "Dockerfile"}
    assert {"src", "src/my_shop", "tests", "src/my_shop/data.txt"} <= context.existing
    assert context.python_files == ("src/my_shop/__init__.py", "tests/test_a.py")
    assert set(context.facts) == {"src/my_shop/__init__.py"}
    assert context.facts["src/my_shop/__init__.py"].imports[0].module == "os"
    assert context.tracked == frozenset({"Dockerfile"})


def test_explicit_package_wins() -> None:
    """A given package is used as is."""
    assert context_from_files({"src/a/__init__.py": ""}, package="b").package == "b"


def test_project_name() -> None:
    """[project].name, or None for missing, invalid or odd values."""
    assert project_name('[project]\nname = "x"\n') == "x"
    assert project_name(None) is None
    assert project_name("[project\n") is None
    assert project_name("project = 1\n") is None
    assert project_name("[project]\nname = 1\n") is None
