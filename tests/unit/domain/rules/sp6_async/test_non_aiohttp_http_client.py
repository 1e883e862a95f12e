"""Tests for SP602 non-aiohttp-http-client."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP602")


def test_one_finding_per_client_per_statement() -> None:
    """``from requests import a, b`` names requests once."""
    source = "from requests import get, post\nimport requests, httpx\n"
    findings = run_source(source, select=["SP602"])
    assert [(f.line, f.message) for f in findings] == [
        (1, "HTTP client 'requests' imported; use aiohttp"),
        (2, "HTTP client 'requests' imported; use aiohttp"),
        (2, "HTTP client 'httpx' imported; use aiohttp"),
    ]


def test_relative_import_without_known_module_is_ignored() -> None:
    """A relative import whose base is unknown cannot name a third-party client."""
    findings = run_source(
        "from . import requests\n", select=["SP602"], path="x.py", package=None
    )
    assert findings == []
