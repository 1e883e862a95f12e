"""Tests for the templates of the scaffold's test suite."""

from __future__ import annotations

from types import MappingProxyType

import libcst as cst
import pytest

from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.services.scaffold_templates import suite_templates as templates

VALUES = MappingProxyType(
    {
        **template_values("shop"),
        "env_entries": "",
        "probe_names": '{"app"}',
        "health_exit": "0",
    }
)


@pytest.mark.parametrize(
    "name",
    [
        "CONFTEST",
        "TEST_CONFIG",
        "TEST_HEALTH_REPORT",
        "TEST_HEALTH_CHECKS",
        "TEST_PROBES",
    ],
)
def test_suites_parse(name: str) -> None:
    """Each test module template renders to valid Python.

    Args:
        name: The template's constant name.
    """
    text = render(getattr(templates, name), VALUES)
    assert "{{" not in text
    cst.parse_module(text)


@pytest.mark.parametrize(("kind", "http"), sorted(templates.CLI_RUN_TESTS))
def test_cli_tests_for_every_variant(kind: str, http: bool) -> None:  # noqa: FBT001 - parametrized
    """The command-line tests parse for argparse and Typer, with and without HTTP.

    Args:
        kind: ``argparse`` or ``typer``.
        http: Whether the variant serves HTTP.
    """
    template = (
        templates.TEST_CLI_TYPER if kind == "typer" else templates.TEST_CLI_ARGPARSE
    )
    run = render(templates.CLI_RUN_TESTS[kind, http], VALUES)
    cst.parse_module(render(template, {**VALUES, "cli_run_test": run}))


def test_entry_point_test_is_marked() -> None:
    """The integration test carries the ``integration`` mark (SP711)."""
    text = render(templates.TEST_ENTRY_POINT, VALUES)
    assert "pytestmark = pytest.mark.integration" in text
