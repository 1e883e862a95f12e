"""Tests for SP910 secret-in-image."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp9_containers.secret_in_image import env_file_source
from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP910")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (".env", True),
        ("./.env", True),
        ("config/.env.production", True),
        (".env.example", False),
        (".env.sample", False),
        ("env", False),
        ("app.env", False),
    ],
)
def test_env_file_source(source: str, *, expected: bool) -> None:
    """Environment files are recognised by name; templates are not secrets.

    Args:
        source: A COPY source.
        expected: Whether it is an environment file.
    """
    assert env_file_source(source) is expected


def test_one_finding_per_variable() -> None:
    """Each secret variable of one ENV line is its own finding."""
    text = "FROM python:3.13-slim\nENV DB_PASSWORD=x API_KEY=y SAFE=z\n"
    findings = run_project_rule("SP910", {"Dockerfile": text})
    assert [f.line for f in findings] == [2, 2]
    assert {"'ENV DB_PASSWORD'" in f.message for f in findings} == {True, False}
