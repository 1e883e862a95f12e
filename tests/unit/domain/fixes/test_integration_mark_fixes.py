"""Tests for SP711's fix: the module-level ``integration`` mark."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.integration_mark_fixes import add_integration_mark
from tests.unit.domain.fixes.fix_helpers import fix_source

PATH = "tests/integration/test_api.py"
CODES = frozenset({"SP711"})
TEST = '\n\ndef test_api() -> None:\n    """Api."""\n    assert True\n'


def test_import_goes_into_the_third_party_section() -> None:
    """``import pytest`` sorts among third-party imports, before ``from`` lines."""
    source = (
        '"""T."""\n\nimport os\n\nimport requests\nfrom fastapi import FastAPI\n\n'
        "from app import api\n" + TEST
    )
    fixed = fix_source(source, PATH, CODES)
    assert fixed == (
        '"""T."""\n\nimport os\n\nimport pytest\nimport requests\n'
        "from fastapi import FastAPI\n\nfrom app import api\n\n"
        "pytestmark = pytest.mark.integration\n" + TEST
    )


def test_import_before_first_party_imports() -> None:
    """Without third-party imports, ``import pytest`` opens its own section."""
    source = '"""T."""\n\nimport os\n\nfrom app import api\n' + TEST
    fixed = fix_source(source, PATH, CODES)
    assert fixed == (
        '"""T."""\n\nimport os\n\nimport pytest\n\nfrom app import api\n\n'
        "pytestmark = pytest.mark.integration\n" + TEST
    )


def test_existing_marks_are_extended() -> None:
    """A single mark becomes a list; a list gains the mark; an alias is used."""
    single = '"""T."""\n\nimport pytest as pt\n\npytestmark = pt.mark.slow\n' + TEST
    assert fix_source(single, PATH, CODES) == single.replace(
        "pytestmark = pt.mark.slow", "pytestmark = [pt.mark.slow, pt.mark.integration]"
    )
    listed = '"""T."""\n\nimport pytest\n\npytestmark = [pytest.mark.slow]\n' + TEST
    assert fix_source(listed, PATH, CODES) == listed.replace(
        "[pytest.mark.slow]", "[pytest.mark.slow, pytest.mark.integration]"
    )


def test_unknown_shapes_are_left_alone() -> None:
    """A ``pytestmark`` of unknown shape, or ``pytest`` meaning something else."""
    odd = '"""T."""\n\nimport pytest\n\npytestmark = MARKS\n' + TEST
    assert fix_source(odd, PATH, CODES) is None
    module = cst.parse_module('"""T."""\n' + TEST)
    assert (
        add_integration_mark(module, package="app", pytest_bound_elsewhere=True) is None
    )


def test_module_without_imports() -> None:
    """The import and the mark follow the docstring."""
    marked = add_integration_mark(
        cst.parse_module('"""T."""\n' + TEST),
        package=None,
        pytest_bound_elsewhere=False,
    )
    assert marked is not None
    assert marked.code == (
        '"""T."""\n\nimport pytest\n\npytestmark = pytest.mark.integration\n' + TEST
    )
