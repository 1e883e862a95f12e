"""Tests for SP908 root-runtime."""

from __future__ import annotations

from tests.conftest import run_project_rule
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    assert_container_fixture,
)

HEAD = "FROM python:3.13-slim AS builder\n"


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixtures."""
    assert_container_fixture("SP908")


def test_names_the_missing_account_file() -> None:
    """The message names each account file that was not copied."""
    text = (
        HEAD
        + "FROM gcr.io/distroless/python3-debian12\n"
        + "COPY --from=builder /etc/group /etc/group\n"
        + "USER appuser\n"
    )
    [finding] = run_project_rule("SP908", {"Dockerfile": text})
    assert [finding.line] == [4]
    assert "/etc/passwd" in finding.message
    assert "/etc/group" not in finding.message


def test_nonroot_only_known_to_distroless() -> None:
    """'nonroot' needs account files on an image that does not define it."""
    text = HEAD + "FROM python:3.13-slim\nUSER nonroot\n"
    [finding] = run_project_rule("SP908", {"Dockerfile": text})
    assert [finding.line] == [3]
