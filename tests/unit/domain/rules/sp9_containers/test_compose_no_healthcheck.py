"""Tests for SP932 compose-no-healthcheck."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP932")


def test_restarting_job_is_not_one_shot() -> None:
    """A job awaited to completion but restarted is a long-running service."""
    text = (
        "services:\n"
        "  app:\n"
        "    build: .\n"
        "    healthcheck: {test: [CMD, 'true']}\n"
        "    depends_on: {job: {condition: service_completed_successfully}}\n"
        "  job:\n"
        "    image: alpine:3.20\n"
        "    restart: on-failure\n"
    )
    [finding] = run_project_rule("SP932", {"compose.yaml": text})
    assert [finding.line] == [6]
    assert "'job'" in finding.message
