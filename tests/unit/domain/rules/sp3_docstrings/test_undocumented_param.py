"""Tests for SP304 undocumented-param."""

from __future__ import annotations

from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP304")


def test_one_finding_per_parameter() -> None:
    """Each missing parameter is one finding, in signature order."""
    findings = run_source(
        '"""A module."""\n\n\ndef run(a: int, *rest: int, b: int, **extra: int) -> None:\n'
        '    """Run.\n\n    Args:\n        a: A.\n    """\n',
        select=["SP304"],
    )
    assert [f.message for f in findings] == [
        "Parameter 'rest' of 'run' is missing from 'Args:'",
        "Parameter 'b' of 'run' is missing from 'Args:'",
        "Parameter 'extra' of 'run' is missing from 'Args:'",
    ]
    assert {f.line for f in findings} == {4}


def test_init_args_in_class_docstring() -> None:
    """``__init__`` may rely on the class docstring's ``Args:``."""
    source = (
        '"""A module."""\n\n\nclass Cart:\n    """A cart.\n\n    Args:\n'
        '        owner: Who.\n    """\n\n'
        "    def __init__(self, owner: str, size: int) -> None:\n"
        '        """Create."""\n'
    )
    findings = run_source(source, select=["SP304"])
    assert [(f.line, f.message) for f in findings] == [
        (11, "Parameter 'size' of '__init__' is missing from 'Args:'")
    ]


def test_other_methods_do_not_use_the_class_docstring() -> None:
    """Only ``__init__`` reads the class docstring's ``Args:``."""
    source = (
        '"""A module."""\n\n\nclass Cart:\n    """A cart.\n\n    Args:\n'
        '        owner: Who.\n    """\n\n'
        "    def rename(self, owner: str) -> None:\n"
        '        """Rename."""\n'
    )
    assert len(run_source(source, select=["SP304"])) == 1
