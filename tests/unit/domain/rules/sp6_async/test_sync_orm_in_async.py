"""Tests for SP606 sync-orm-in-async."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP606")


def test_message_names_the_call() -> None:
    """The message names the constructor or the query receiver."""
    source = (
        "from sqlalchemy.orm import sessionmaker\n\nasync def f(session):\n"
        "    sessionmaker()\n    session.query(1)\n"
    )
    findings = run_source(source, select=["SP606"])
    assert [(f.line, f.message) for f in findings] == [
        (4, "Synchronous ORM call 'sessionmaker(...)' inside 'async def'"),
        (5, "Synchronous ORM call 'session.query(...)' inside 'async def'"),
    ]


def test_requests_session_is_not_an_orm_session() -> None:
    """Only SQLAlchemy's Session counts; other ``Session`` classes do not."""
    source = "from requests import Session\n\nasync def f():\n    Session()\n"
    assert run_source(source, select=["SP606"]) == []
