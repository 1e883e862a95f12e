"""Tests for SP503 error-details-exposed."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source

API_PATH = "src/app/api/routes.py"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP503")


def test_one_finding_per_response() -> None:
    """A response exposing several details is reported once."""
    source = (
        "try:\n    x = 1\nexcept ValueError as e:\n"
        "    r = JSONResponse({'a': str(e), 'b': repr(e)})\n"
    )
    findings = run_source(source, select=["SP503"], path=API_PATH)
    assert [f.line for f in findings] == [4]


def test_nested_function_is_not_the_response() -> None:
    """A stringified exception inside a nested def does not climb out of it."""
    source = (
        "try:\n    x = 1\nexcept ValueError as e:\n"
        "    r = JSONResponse(content=lambda: str(e))\n"
    )
    assert run_source(source, select=["SP503"], path=API_PATH) == []


def test_outside_package_is_not_api() -> None:
    """Without a package no file is an api module."""
    source = "app = FastAPI(debug=True)\n"
    findings = run_source(
        "from fastapi import FastAPI\n" + source,
        select=["SP503"],
        path="src/app/api/routes.py",
        package=None,
    )
    assert findings == []
