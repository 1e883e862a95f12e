"""Tests for SP305 unknown-documented-param."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP305")


def test_one_finding_per_unknown_entry() -> None:
    """Each unknown entry is one finding naming the entry as written."""
    findings = run_source(
        '"""A module."""\n\n\ndef run(a: int) -> None:\n'
        '    """Run.\n\n    Args:\n        a: A.\n        *b: B.\n        c (int): C.\n'
        '    """\n',
        select=["SP305"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (4, "'Args:' documents '*b', which 'run' does not take"),
        (4, "'Args:' documents 'c', which 'run' does not take"),
    ]


def test_class_args_point_at_the_class() -> None:
    """An unknown entry of the class docstring is reported at the class line."""
    source = (
        '"""A module."""\n\n\n@final\nclass Cart:\n    """A cart.\n\n    Args:\n'
        '        owner: Who.\n        size: Not a parameter.\n    """\n\n'
        "    def __init__(self, owner: str) -> None:\n"
        '        """Create."""\n'
    )
    findings = run_source(source, select=["SP305"])
    assert [(f.line, f.message) for f in findings] == [
        (5, "'Args:' documents 'size', which '__init__' does not take")
    ]
