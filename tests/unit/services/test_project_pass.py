"""Tests for the project pass: in-memory contexts and running project rules."""

from __future__ import annotations

from strictpy.domain.registry import CODES
from strictpy.domain.rules.sp7_layout.missing_package_module import (
    MissingPackageModule,
)
from strictpy.domain.rules.sp7_layout.not_src_layout import NotSrcLayout
from strictpy.domain.selection import Selection
from strictpy.services.project_pass import (
    context_from_files,
    project_name,
    run_project_rules,
)


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


def test_run_project_rules_applies_per_file_ignores() -> None:
    """Findings on ignored paths are dropped; others kept in rule order."""
    context = context_from_files({"pyproject.toml": '[project]\nname = "shop"\n'})
    rules = (NotSrcLayout, MissingPackageModule)
    everything = run_project_rules(context, rules)
    assert [f.code for f in everything] == ["SP701"] + ["SP702"] * 5
    selection = Selection.build(
        CODES,
        select=None,
        extend_select=(),
        ignore=(),
        per_file_ignores={
            "src/shop/config.py": ["SP702"],
            "src/shop/__init__.py": ["SP7"],
        },
    )
    kept = run_project_rules(context, rules, selection)
    assert [f.path for f in kept] == [
        "src/shop/__main__.py",
        "src/shop/exceptions.py",
        "src/shop/logging.py",
    ]
