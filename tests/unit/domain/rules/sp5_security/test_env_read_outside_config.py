"""Tests for SP506 env-read-outside-config."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP506")


def test_one_finding_per_use() -> None:
    """``os.environ.get`` is one use, reported once."""
    findings = run_source("import os\nos.environ.get('X')\n", select=["SP506"])
    assert [(f.line, f.message) for f in findings] == [
        (2, "'os.environ' used outside config.py")
    ]


def test_scripts_outside_package_are_checked() -> None:
    """Only tests and ``<pkg>/config.py`` are exempt, not scripts."""
    findings = run_source(
        "import os\nos.getenv('X')\n", select=["SP506"], path="scripts/seed.py"
    )
    assert [f.code for f in findings] == ["SP506"]


def test_import_itself_is_not_reported() -> None:
    """An unused import of ``environ`` reads nothing."""
    assert run_source("from os import environ\n", select=["SP506"]) == []
