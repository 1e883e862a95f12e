"""Tests for parsing without re-validation and with slot-storing initialisers."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst
import pytest

from strictpy.domain.analysis import parsing
from strictpy.domain.analysis.parsing import parse_trusted, trusted_construction
from strictpy.utils.slot_init import storing_initialiser
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from libcst._nodes.base import CSTNode
    from pytest_mock import MockerFixture

# libcst 1.x defines about 170 concrete node classes.
MANY_NODE_CLASSES = 100

SOURCES = sorted(
    [
        *FIXTURES.rglob("*.py"),
        *(Path(parsing.__file__).parents[2]).rglob("*.py"),
    ]
)


def test_same_tree_as_libcst() -> None:
    """The tree round-trips exactly like a validated parse."""
    source = "def f(a, *, b=1):\n    return [x for x in a if x]  # c\n"
    module = parse_trusted(source)
    assert module.code == source
    assert module.deep_equals(cst.parse_module(source))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_same_tree_as_libcst_for_every_fixture_and_module(path: Path) -> None:
    """Fixtures and strictpy's own modules give the trees libcst's parse gives.

    Args:
        path: A Python file that libcst parses.
    """
    source = path.read_text(encoding="utf-8")
    try:
        expected = cst.parse_module(source)
    except cst.ParserSyntaxError:
        with pytest.raises(cst.ParserSyntaxError):
            parse_trusted(source)
        return
    assert parse_trusted(source).deep_equals(expected)


def test_validation_is_restored() -> None:
    """Nodes built after a parse are validated again."""
    parse_trusted("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_syntax_errors_still_raise() -> None:
    """Invalid source still fails, and validation is restored afterwards."""
    with pytest.raises(cst.ParserSyntaxError):
        parse_trusted("def (:\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("1x")


def test_original_initialisers_are_restored() -> None:
    """After a parse, failed or not, every node class has its own initialiser back."""
    storing, original = parsing._initialisers()
    assert len(storing) == len(original) > MANY_NODE_CLASSES
    before = {cls: cls.__dict__["__init__"] for cls, _ in original}
    parse_trusted("x = [1, 2]\n")
    with pytest.raises(cst.ParserSyntaxError):
        parse_trusted("x = [\n")
    assert {cls: cls.__dict__["__init__"] for cls, _ in original} == before
    assert all(before[cls] is not initialiser for cls, initialiser in storing), (
        "a storing initialiser replaced a class's own for good"
    )


def _all_defaulted(cls: type[CSTNode]) -> bool:
    """Tell whether a node class can be built without arguments.

    Args:
        cls: A node class.

    Returns:
        True when every field has a default or a default factory.
    """
    return all(
        field.default is not dataclasses.MISSING
        or field.default_factory is not dataclasses.MISSING
        for field in dataclasses.fields(cls)
    )


@pytest.mark.parametrize(
    "cls",
    [cls for cls, _ in parsing._initialisers()[0] if _all_defaulted(cls)],
    ids=lambda cls: cls.__name__,
)
def test_defaults_and_factories_match_the_dataclass(cls: type[CSTNode]) -> None:
    """Built without arguments, a node gets the same field values both ways.

    Args:
        cls: A node class whose fields all have defaults.
    """
    initialiser = storing_initialiser(cls)
    assert initialiser is not None
    built = cls.__new__(cls)
    initialiser(built)
    assert built.deep_equals(cls())


def test_a_class_without_plain_slots_keeps_its_initialiser() -> None:
    """A subclass whose field is not a slot gets no storing initialiser."""

    @dataclasses.dataclass(frozen=True)
    class Extended(cst.Name):
        """A node class with a field outside ``__slots__``."""

        extra: int = 0

    assert storing_initialiser(Extended) is None
    assert storing_initialiser(cst.Name) is not None


def test_one_block_swaps_once_for_many_parses(mocker: MockerFixture) -> None:
    """Inside a block, parses swap no initialiser; the block restores them at its end.

    Args:
        mocker: Counts the initialisers looked up for swapping.
    """
    lookups = mocker.spy(parsing, "_initialisers")
    original = cst.Name.__dict__["__init__"]
    with trusted_construction():
        assert cst.Name.__dict__["__init__"] is not original
        for source in ("x = 1\n", "y = 2\n", "def f(): pass\n"):
            assert parse_trusted(source).code == source
        cst.Name("not a name")  # built unvalidated inside the block
    assert lookups.call_count == 1
    assert cst.Name.__dict__["__init__"] is original
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_a_block_left_by_an_error_restores_validation() -> None:
    """An exception inside the block still restores every initialiser."""
    original = cst.Name.__dict__["__init__"]
    with pytest.raises(cst.ParserSyntaxError), trusted_construction():
        parse_trusted("def (:\n")
    assert cst.Name.__dict__["__init__"] is original
    with pytest.raises(cst.CSTValidationError):
        cst.Name("1x")
