"""Tests for SP710 module-without-tests."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP710"


def test_tested_modules_are_silent() -> None:
    """Tests anywhere under tests/ count; __init__ and __main__ are exempt."""
    files = {
        "src/shop/__init__.py": "",
        "src/shop/__main__.py": "",
        "src/shop/services/orders.py": "",
        "src/shop/config.py": "",
        "tests/unit/deep/er/test_orders.py": "",
        "tests/test_config.py": "",
    }
    assert locations(CODE, files) == []


def test_untested_modules_in_path_order() -> None:
    """Each untested module is reported at its own path."""
    files = {
        "src/shop/__init__.py": "",
        "src/shop/b.py": "",
        "src/shop/a.py": "",
        "src/shop/stub.pyi": "",
        "tests/unit/orders_test.py": "",
        "scripts/test_b.py": "",
    }
    assert locations(CODE, files) == [("src/shop/a.py", None), ("src/shop/b.py", None)]


def test_message_names_expected_test_module() -> None:
    """The message names test_<stem>.py."""
    files = {"src/shop/__init__.py": "", "src/shop/orders.py": ""}
    (finding,) = findings_of(CODE, files)
    assert "test_orders.py" in finding.message


def test_modules_outside_package_are_ignored() -> None:
    """Scripts and other top-level modules are not package modules."""
    files = {"src/shop/__init__.py": "", "scripts/seed.py": "", "src/other.py": ""}
    assert locations(CODE, files) == []
