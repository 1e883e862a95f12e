"""Tests for the test templates of optional components."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.services.scaffold_templates import component_suite_templates as templates


@pytest.mark.parametrize("name", ["TEST_HTTP", "TEST_DATABASE", "TEST_CACHE"])
def test_component_tests_parse(name: str) -> None:
    """Each template renders to a test module of valid Python.

    Args:
        name: The template's constant name.
    """
    text = render(getattr(templates, name), template_values("shop"))
    assert "{{" not in text
    module = cst.parse_module(text)
    tests = [
        node.name.value
        for node in module.body
        if isinstance(node, cst.FunctionDef) and node.name.value.startswith("test_")
    ]
    assert tests
