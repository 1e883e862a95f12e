"""Tests for SP933 compose-no-env-file."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP933")


def test_no_app_service_is_silent() -> None:
    """Without a built or 'app' service there is no app service to check."""
    text = "services:\n  db:\n    image: postgres:16\n"
    assert run_project_rule("SP933", {"compose.yaml": text}) == []


def test_env_file_from_extended_service() -> None:
    """An env_file inherited through extends counts."""
    text = (
        "services:\n"
        "  base:\n"
        "    image: alpine:3.20\n"
        "    env_file: .env\n"
        "  app:\n"
        "    extends: base\n"
        "    build: .\n"
    )
    assert run_project_rule("SP933", {"compose.yaml": text}) == []
