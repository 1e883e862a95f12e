"""Tests for SP706 layer-violation."""

from __future__ import annotations

import pytest

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP706")


@pytest.mark.parametrize(
    ("layer_path", "target", "reported"),
    [
        ("src/app/domain/x.py", "services", True),
        ("src/app/domain/x.py", "utils", False),
        ("src/app/services/x.py", "adapters", False),
        ("src/app/services/x.py", "api", True),
        ("src/app/adapters/x.py", "domain", False),
        ("src/app/api/x.py", "services", False),
        ("src/app/utils/x.py", "adapters", True),
        ("src/app/exceptions.py", "domain", True),
        ("src/app/logging.py", "adapters", False),
        ("src/app/__main__.py", "api", False),
    ],
)
def test_direction_table(layer_path: str, target: str, reported: bool) -> None:  # noqa: FBT001 - parametrized
    """Each layer may import exactly what rules.md allows.

    Args:
        layer_path: Where the importing file lives.
        target: The layer it imports.
        reported: Whether the import is a violation.
    """
    findings = run_source(f"import app.{target}.x\n", select=["SP706"], path=layer_path)
    assert bool(findings) is reported


def test_one_finding_per_layer_per_statement() -> None:
    """Two names from the same layer are one finding."""
    source = "from app.api import a, b\n"
    findings = run_source(source, select=["SP706"], path="src/app/domain/x.py")
    assert len(findings) == 1


def test_unknown_package_checks_nothing() -> None:
    """Without a package no file has a layer."""
    findings = run_source(
        "import app.api\n", select=["SP706"], path="src/app/domain/x.py", package=None
    )
    assert findings == []
