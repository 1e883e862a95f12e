"""Tests for SP307 undocumented-raise."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp3_docstrings.undocumented_raise import documents
from tests.conftest import assert_fixture, run_source


def test_fixture() -> None:
    """The rule reports exactly the marked lines of its fixture files."""
    assert_fixture("SP307")


@pytest.mark.parametrize(
    ("documented", "raised", "expected"),
    [
        ("ValueError", "ValueError", True),
        ("NotFound", "errors.NotFound", True),
        ("errors.NotFound", "errors.NotFound", True),
        ("errors.NotFound", "NotFound", True),
        ("other.NotFound", "errors.NotFound", False),
        ("Found", "errors.NotFound", False),
        ("KeyError", "ValueError", False),
    ],
)
def test_documents(documented: str, raised: str, *, expected: bool) -> None:
    """Names match as written or by their trailing dotted parts.

    Args:
        documented: The ``Raises:`` entry.
        raised: The raised name.
        expected: Whether the entry covers it.
    """
    assert documents(documented, raised) is expected


def test_one_finding_per_name_in_order() -> None:
    """Repeated raises of one name give one finding; names keep their order."""
    findings = run_source(
        '"""A module."""\n\n\ndef run(x: int) -> None:\n'
        '    """Run.\n\n    Args:\n        x: X.\n    """\n'
        "    if x:\n        raise KeyError(x)\n    if x > 1:\n        raise OSError\n"
        "    raise KeyError(0)\n",
        select=["SP307"],
    )
    assert [(f.line, f.message) for f in findings] == [
        (4, "'run' raises 'KeyError' but 'Raises:' does not list it"),
        (4, "'run' raises 'OSError' but 'Raises:' does not list it"),
    ]
