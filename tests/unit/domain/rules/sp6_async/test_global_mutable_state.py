"""Tests for SP604 global-mutable-state."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP604")


def test_messages() -> None:
    """Bindings name the variable; ``global`` names its names."""
    source = "A = []\n\ndef f():\n    global A, B\n"
    findings = run_source(source, select=["SP604"])
    assert [(f.line, f.message) for f in findings] == [
        (1, "Module-level 'A' is global mutable state"),
        (4, "'global A, B' is global mutable state"),
    ]


def test_module_level_function_shadowing_list() -> None:
    """A module-level ``list`` rebinding makes ``list()`` something else."""
    source = "def list():\n    'Doc.'\n\nITEMS = list()\n"
    assert run_source(source, select=["SP604"]) == []
