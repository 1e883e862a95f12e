"""Tests for SP712 orm-outside-adapters."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP712")


def test_one_finding_per_library_per_statement() -> None:
    """``import psycopg, psycopg2`` names both drivers; repeats collapse."""
    findings = run_source(
        "from sqlalchemy import a, b\n", select=["SP712"], path="src/app/api/x.py"
    )
    assert [(f.line, f.message) for f in findings] == [
        (1, "'sqlalchemy' imported in 'api'; database access belongs in adapters/")
    ]


def test_adapters_subpackage_is_allowed() -> None:
    """Anything below adapters/ may use the database."""
    findings = run_source(
        "import redis\n", select=["SP712"], path="src/app/adapters/cache/client.py"
    )
    assert findings == []
