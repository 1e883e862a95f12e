"""Tests for facts derived from a file's path."""

from __future__ import annotations

import pytest

from strictpy.domain.analysis.file_info import describe_file


@pytest.mark.parametrize(
    ("path", "module", "layer", "is_test"),
    [
        (
            "src/app/services/orders.py",
            ("app", "services", "orders"),
            "services",
            False,
        ),
        ("src/app/__init__.py", ("app",), None, False),
        ("src/app/config.py", ("app", "config"), "config", False),
        ("tests/unit/test_orders.py", ("tests", "unit", "test_orders"), None, True),
        ("scripts/tool.py", ("scripts", "tool"), None, False),
        ("conftest.py", ("conftest",), None, True),
    ],
)
def test_describe_file(
    path: str, module: tuple[str, ...], layer: str | None, is_test: object
) -> None:
    """Module name, layer and test status come from the path.

    Args:
        path: The project-relative path.
        module: The expected module name parts.
        layer: The expected layer.
        is_test: Whether the file is expected to be test code.
    """
    info = describe_file(path, "app")
    assert info.module == module
    assert info.layer == layer
    assert info.is_test is is_test


def test_stub_and_package_flags() -> None:
    """Stubs and package inits are recognised."""
    assert describe_file("src/app/x.pyi", "app").is_stub
    assert describe_file("src/app/domain/__init__.py", "app").is_package
    assert not describe_file("src/other/x.py", "app").in_package
