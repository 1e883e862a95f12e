"""Tests for the package module templates of ``strictpy new``."""

from __future__ import annotations

from types import MappingProxyType

import libcst as cst
import pytest

from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.services.scaffold_templates import package_templates as templates

VALUES = MappingProxyType(
    {**template_values("shop"), "cli_imports": "", "run_block": "    return 0\n"}
)


@pytest.mark.parametrize(
    "name", ["MAIN_CLI", "MAIN_TYPER", "HEALTH_REPORT", "HEALTH_CHECKS", "CLI_ARGPARSE"]
)
def test_modules_parse(name: str) -> None:
    """Each module template renders to valid Python without placeholders left.

    Args:
        name: The template's constant name.
    """
    text = render(getattr(templates, name), VALUES)
    assert "{{" not in text
    cst.parse_module(text)


def test_typer_cli_runs_a_single_command() -> None:
    """The Typer command line has one command with ``--health``."""
    text = render(templates.CLI_TYPER, {**VALUES, "run_block": "    return\n"})
    cst.parse_module(text)
    assert text.count("@app.command()") == 1
    assert 'app(prog_name="shop")' in text


def test_config_fields_are_documented() -> None:
    """Every optional settings field has an attribute documentation line."""
    for docs, fields in templates.CONFIG_FIELDS.values():
        names = [line.split(":")[0].strip() for line in fields.splitlines()]
        for name in names:
            assert f"        {name}: " in docs
