"""Tests for SP714 engine-without-pool-settings."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP714")


def test_message_lists_missing_settings() -> None:
    """Only the missing settings are listed."""
    source = (
        "from sqlalchemy import create_engine\ne = create_engine(url, max_overflow=1)\n"
    )
    findings = run_source(source, select=["SP714"])
    assert [f.message for f in findings] == [
        "'create_engine()' without pool_size, pool_pre_ping=True"
    ]


def test_sqlite_keyword_url_is_still_checked() -> None:
    """Only a positional SQLite literal exempts the call."""
    source = "import sqlalchemy\ne = sqlalchemy.create_engine(url='sqlite://')\n"
    assert [f.line for f in run_source(source, select=["SP714"])] == [2]
