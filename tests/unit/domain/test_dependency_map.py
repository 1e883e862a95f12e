"""Tests for the distribution-to-import-name map."""

from __future__ import annotations

import pytest

from strictpy.domain.dependency_map import (
    declared_import_names,
    first_party_modules,
    import_names,
    is_stdlib,
    normalize_distribution,
    project_requirements,
    requirement_name,
)


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("Pydantic_Settings", "pydantic-settings"),
        ("zope.interface", "zope-interface"),
        ("a--b__c..d", "a-b-c-d"),
        ("  Ruff ", "ruff"),
    ],
)
def test_normalize_distribution(name: str, normalized: str) -> None:
    """Names are normalised as PEP 503 does.

    Args:
        name: A distribution name as written.
        normalized: Its normal form.
    """
    assert normalize_distribution(name) == normalized


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("pydantic-settings[x]>=2; python_version>'3'", "pydantic-settings"),
        ("psycopg[binary]", "psycopg"),
        ("ruff", "ruff"),
        ("foo @ https://example.com/foo.whl", "foo"),
        ("foo (>=1.0)", "foo"),
        ("A.B_c~=1", "A.B_c"),
        ("git+https://example.com/x", None),
        ("./local/path", None),
        ("", None),
        ("# comment", None),
    ],
)
def test_requirement_name(spec: str, name: str | None) -> None:
    """The PEP 508 name is returned as written; other strings give None.

    Args:
        spec: A requirement string.
        name: Its expected name.
    """
    assert requirement_name(spec) == name


@pytest.mark.parametrize(
    ("distribution", "modules"),
    [
        ("pydantic-settings", {"pydantic_settings"}),
        ("factory-boy", {"factory"}),
        ("PyYAML", {"yaml"}),
        ("beautifulsoup4", {"bs4"}),
        ("Pillow", {"PIL"}),
        ("python-dateutil", {"dateutil"}),
        ("scikit-learn", {"sklearn"}),
        ("psycopg2-binary", {"psycopg2"}),
        ("psycopg[binary]>=3", {"psycopg"}),
        ("python-dotenv", {"dotenv"}),
        ("python-json-logger", {"pythonjsonlogger"}),
        ("opencv-python", {"cv2"}),
        ("attrs", {"attr", "attrs"}),
        ("protobuf", {"google"}),
        ("PyJWT", {"jwt"}),
        ("some.thing-else", {"some_thing_else"}),
    ],
)
def test_import_names_static(distribution: str, modules: set[str]) -> None:
    """Without installed metadata, the static table and the name rule apply.

    Args:
        distribution: A distribution name or requirement.
        modules: The modules it provides.
    """
    assert import_names(distribution) == frozenset(modules)


def test_installed_metadata_wins() -> None:
    """The installed map decides when it knows the distribution."""
    installed = {"yaml": ("PyYAML",), "_yaml": ("PyYAML",), "other": ("x",)}
    assert import_names("pyyaml", installed) == frozenset({"yaml", "_yaml"})


def test_installed_metadata_without_the_distribution_falls_back() -> None:
    """An installed map that does not know the distribution is ignored."""
    assert import_names("factory-boy", {"x": ("x",)}) == frozenset({"factory"})


def test_declared_import_names() -> None:
    """Every valid requirement contributes its modules; invalid ones are skipped."""
    requirements = ("pyyaml>=6", "factory-boy", "git+https://x/y")
    assert declared_import_names(requirements) == frozenset({"yaml", "factory"})


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("os", True),
        ("os.path", True),
        ("__future__", True),
        ("asyncio.events", True),
        ("yaml", False),
        ("strictpy", False),
    ],
)
def test_is_stdlib(module: str, expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Standard-library modules are recognised by their first part.

    Args:
        module: A dotted module name.
        expected: Whether it is in the standard library.
    """
    assert is_stdlib(module) is expected


def test_project_requirements_with_extras() -> None:
    """Dependencies and optional dependencies count; dependency groups do not."""
    text = (
        '[project]\nname = "x"\ndependencies = ["a>=1", 3]\n'
        '[project.optional-dependencies]\nfast = ["b"]\nbad = "c"\n'
        '[dependency-groups]\ndev = ["pytest"]\n'
    )
    assert project_requirements(text) == ("a>=1", "b")


@pytest.mark.parametrize(
    "text",
    [
        None,
        "not = [valid",
        "[tool.x]\na = 1\n",
        '[project]\nname = "x"\ndynamic = ["dependencies"]\n',
    ],
)
def test_project_requirements_unknown(text: str | None) -> None:
    """Missing, broken, project-less or dynamic metadata is unknown (None).

    Args:
        text: A ``pyproject.toml`` text, or None.
    """
    assert project_requirements(text) is None


def test_project_without_dependencies_declares_nothing() -> None:
    """A ``[project]`` table without dependencies declares none."""
    assert project_requirements('[project]\nname = "x"\n') == ()
    assert project_requirements('[project]\ndependencies = "x"\n') == ()


def test_first_party_modules() -> None:
    """The package, everything under src/, and root packages and modules."""
    existing = {
        "src/app/__init__.py",
        "src/app",
        "src/helper.py",
        "src/not-a-module",
        "scripts/__init__.py",
        "manage.py",
        "docs/conf.py",
        "README.md",
    }
    assert first_party_modules(existing, "app") == frozenset(
        {"app", "helper", "scripts", "manage"}
    )
    assert first_party_modules((), None) == frozenset()
