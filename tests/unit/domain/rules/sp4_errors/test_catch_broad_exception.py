"""Tests for SP402 catch-broad-exception."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP402")


def test_message_quotes_the_clause() -> None:
    """The message shows the offending clause."""
    source = "try:\n    x = 1\nexcept:\n    raise\n"
    findings = run_source(source, select=["SP402"])
    assert [(f.line, f.message) for f in findings] == [
        (3, "'except:' catches every exception")
    ]


def test_one_finding_per_handler() -> None:
    """A tuple with both broad types is reported once."""
    source = "try:\n    x = 1\nexcept (Exception, BaseException):\n    raise\n"
    assert len(run_source(source, select=["SP402"])) == 1


def test_star_handler_message() -> None:
    """``except*`` is named as such."""
    source = "try:\n    x = 1\nexcept* Exception:\n    raise\n"
    findings = run_source(source, select=["SP402"])
    assert findings[0].message == "'except* Exception' catches every exception"
