"""Tests for parsing every container input of a project at once."""

from __future__ import annotations

from strictpy.domain.containers.container_inputs import parse_container_inputs


def test_present_files_are_parsed_in_docker_order() -> None:
    """Compose files come in Docker's precedence order; absent files are None."""
    inputs = parse_container_inputs(
        {
            "docker-compose.yml": "services: {}\n",
            "compose.yaml": "services: {}\n",
            ".dockerignore": ".git\n",
        }
    )
    assert inputs.dockerfile is None
    assert [item.path for item in inputs.compose_files] == [
        "compose.yaml",
        "docker-compose.yml",
    ]
    assert list(inputs.ignore_files) == [".dockerignore"]
    assert inputs.problems == ()


def test_bad_files_become_problems() -> None:
    """Unparsable inputs are left out and described once each."""
    inputs = parse_container_inputs(
        {"Dockerfile": "BAD\n", "compose.yml": "[\n", ".gitignore": "\x00"}
    )
    assert inputs.dockerfile is None
    assert inputs.compose_files == ()
    assert dict(inputs.ignore_files) == {}
    assert [problem.path for problem in inputs.problems] == [
        "Dockerfile",
        "compose.yml",
        ".gitignore",
    ]
