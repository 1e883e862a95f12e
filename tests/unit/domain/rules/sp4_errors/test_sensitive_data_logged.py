"""Tests for SP410 sensitive-data-logged."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP410")


def test_one_finding_per_call() -> None:
    """A call naming several secrets is reported once, with the first name."""
    source = "import logging\nlogging.info('%s %s', password, token)\n"
    findings = run_source(source, select=["SP410"])
    assert [(f.line, f.message) for f in findings] == [
        (2, "Logging call references secret-like name 'password'")
    ]


def test_nested_masking_call_only_masks_its_own_arguments() -> None:
    """A secret outside the masking call is still reported."""
    source = "import logging\nlogging.info('%s %s', redact(token), password)\n"
    findings = run_source(source, select=["SP410"])
    assert "'password'" in findings[0].message


def test_secret_in_receiver_chain_is_ignored() -> None:
    """Only arguments count, not the logger expression."""
    source = "self.secret_logger.info('started')\n"
    assert run_source(source, select=["SP410"]) == []
