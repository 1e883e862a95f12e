"""Tests for SP405 logger-not-module-name."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP405")


def test_message_names_the_call() -> None:
    """The message names the resolved call."""
    source = "import logging as log\nlog.info('x')\n"
    findings = run_source(source, select=["SP405"])
    assert [(f.line, f.message) for f in findings] == [
        (2, "'logging.info()' does not log through a logger named '__name__'")
    ]


def test_name_expression_is_not_module_name() -> None:
    """Only ``__name__`` itself is accepted, not an expression built from it."""
    source = "import logging\nlogger = logging.getLogger(__name__ + '.sub')\n"
    assert [f.line for f in run_source(source, select=["SP405"])] == [2]


def test_logging_module_outside_package_is_not_exempt() -> None:
    """Without a package, a top-level logging.py is an ordinary module."""
    source = "import logging\nlogging.info('x')\n"
    findings = run_source(source, select=["SP405"], path="logging.py", package=None)
    assert [f.code for f in findings] == ["SP405"]
