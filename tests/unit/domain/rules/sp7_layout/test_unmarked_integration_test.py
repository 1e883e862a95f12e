"""Tests for SP711 unmarked-integration-test."""

from __future__ import annotations

import pytest

from tests.conftest import assert_fixture, run_source

SOURCE = "def test_a():\n    assert True\n"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP711")


@pytest.mark.parametrize(
    ("path", "reported"),
    [
        ("tests/integration/test_a.py", True),
        ("tests/integration/deep/a_test.py", True),
        ("services/api/tests/integration/test_a.py", True),
        ("tests/unit/test_a.py", False),
        ("tests/integration/helpers.py", False),
        ("integration/test_a.py", False),
    ],
)
def test_only_integration_test_modules(path: str, reported: bool) -> None:  # noqa: FBT001 - parametrized
    """Only test modules below a ``tests/integration`` folder are checked.

    Args:
        path: The test file's path.
        reported: Whether the file is checked.
    """
    findings = run_source(SOURCE, select=["SP711"], path=path)
    assert bool(findings) is reported


def test_pytestmark_tuple_and_annotation() -> None:
    """An annotated ``pytestmark`` holding a tuple of marks counts."""
    source = (
        "import pytest\n\npytestmark: tuple = (pytest.mark.integration,)\n\n" + SOURCE
    )
    path = "tests/integration/test_a.py"
    assert run_source(source, select=["SP711"], path=path) == []


def test_pytestmark_inside_function_does_not_mark_module() -> None:
    """Only module- or class-level ``pytestmark`` marks tests."""
    source = (
        "import pytest\n\ndef helper():\n    pytestmark = pytest.mark.integration\n\n"
        + SOURCE
    )
    findings = run_source(source, select=["SP711"], path="tests/integration/test_a.py")
    assert [f.line for f in findings] == [6]
