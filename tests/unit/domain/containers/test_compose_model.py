"""Tests for the compose model (PyYAML nodes with key lines)."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.compose_model import (
    UNKNOWN,
    ComposeFile,
    parse_compose,
)
from strictpy.domain.containers.input_problem import InputProblem

PATH = "compose.yaml"


def parsed(text: str) -> ComposeFile:
    """Parse a compose file that must be valid.

    Args:
        text: The compose file.

    Returns:
        The model.
    """
    result = parse_compose(PATH, text)
    assert isinstance(result, ComposeFile), result
    return result


def test_services_and_key_lines() -> None:
    """Services keep their key line and the line of each setting."""
    compose = parsed(
        "name: shop\nservices:\n  app:\n    build: .\n    image: shop:1\n"
        "networks:\n  backend: {}\n"
    )
    [app] = compose.services
    assert (compose.services_line, compose.networks_line) == (2, 6)
    assert (app.name, app.line) == ("app", 3)
    assert (app.line_of("build"), app.line_of("image"), app.line_of("absent")) == (
        4,
        5,
        3,
    )
    assert dict(compose.networks) == {"backend": {}}
    assert compose.service("app") is app
    assert compose.service("nope") is None


def test_anchors_merges_and_extends() -> None:
    """Merge keys give lines at the anchor; extends layers the base under."""
    compose = parsed(
        "x-base: &base\n"
        "  restart: always\n"
        "  healthcheck: {test: [CMD, 'true']}\n"
        "services:\n"
        "  app:\n"
        "    <<: *base\n"
        "    restart: 'no'\n"
        "  worker:\n"
        "    extends: app\n"
        "    command: run\n"
        "  cycle:\n"
        "    extends: {service: cycle}\n"
        "  other:\n"
        "    extends: {file: base.yaml, service: x}\n"
        "  same_file:\n"
        "    extends: {file: ./compose.yaml, service: app}\n"
    )
    app, worker, cycle, other, same_file = compose.services
    assert app.config["restart"] == "no"
    assert (app.line_of("restart"), app.line_of("healthcheck")) == (7, 3)
    assert worker.config["healthcheck"] == {"test": ["CMD", "true"]}
    assert [worker.line_of("command")] == [10]
    assert "healthcheck" not in cycle.config
    assert other.external_extends
    assert not same_file.external_extends
    assert "healthcheck" in same_file.config


def test_build_resolution() -> None:
    """Build contexts and Dockerfile paths resolve like compose does."""
    compose = parsed(
        "services:\n"
        "  a: {build: .}\n"
        "  b: {build: {context: ./src, dockerfile: ../Dockerfile}}\n"
        "  c: {build: {context: ./worker}}\n"
        "  d: {build: {context: ., dockerfile_inline: 'FROM x'}}\n"
        "  e: {build: 'git@github.com:org/repo.git'}\n"
        "  f: {image: x:1}\n"
    )
    assert [service.builds("Dockerfile") for service in compose.services] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    assert [service.name for service in compose.app_services()] == ["a", "b"]


def test_image_interpolation_and_depends_on() -> None:
    """Images interpolate defaults; unknown variables stay visible."""
    compose = parsed(
        "services:\n"
        "  a:\n"
        "    image: 'pg:${TAG:-16}-${FLAVOUR}'\n"
        "    depends_on: [b]\n"
        "    networks: {front: {}, back: {}}\n"
        "  b:\n"
        "    depends_on:\n"
        "      a: {condition: service_healthy}\n"
        "      c:\n"
    )
    a, b = compose.services
    assert a.image() == f"pg:16-{UNKNOWN}"
    assert b.image() is None
    assert dict(a.depends_on()) == {"b": "service_started"}
    assert dict(b.depends_on()) == {"a": "service_healthy", "c": "service_started"}
    assert a.network_names() == ("front", "back")
    assert b.network_names() == ()


def test_empty_documents() -> None:
    """An empty file or empty services parse to no services."""
    assert parsed("").services == ()
    assert parsed("services:\n").services_line == 1
    assert parsed("services:\n  app:\n").services[0].config == {}


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("a: b: c\n", 1, "mapping values are not allowed here"),
        ("services:\n  app:\n    image: [x\n", 3, "not valid YAML"),
        ("- a\n", 1, "the top-level object must be a mapping"),
        ("services: 3\n", 1, "services must be a mapping"),
        ("services:\n  app: [1]\n", 2, 'service "app" must be a mapping'),
        (
            "services:\n  a: {}\n  a: {}\n",
            3,
            'mapping key "a" already defined at line 2',
        ),
        ("a: *nope\n", 1, "found undefined alias"),
        ("services:\n  a: {}\n---\nb: 1\n", 3, "expected a single document"),
        ("x: 1\n\x00\n", 2, "not a UTF-8 text file"),
    ],
)
def test_rejected_files(text: str, line: int, reason: str) -> None:
    """What compose cannot read becomes one problem with the parser's line.

    Args:
        text: The compose file.
        line: The expected line.
        reason: A part of the expected message.
    """
    problem = parse_compose(PATH, text)
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (PATH, line)
    assert reason in problem.reason


def test_alias_cycle_does_not_crash() -> None:
    """A recursive alias is either parsed or reported, never a crash."""
    result = parse_compose(PATH, "services:\n  a: &a\n    x: *a\n")
    assert isinstance(result, ComposeFile | InputProblem)
