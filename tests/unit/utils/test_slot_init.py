"""Tests for initialisers that store fields through slots."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from strictpy.domain.codes import Severity
from strictpy.domain.findings import Finding, Span
from strictpy.utils.slot_init import stores_through_slots


def _example_class(*, through_slots: bool) -> type:
    """Make a frozen slotted dataclass with a default and a factory.

    Args:
        through_slots: Whether to give it the storing initialiser.

    Returns:
        The class.
    """

    @dataclasses.dataclass(frozen=True, slots=True)
    class Example:
        """Three kinds of fields.

        Attributes:
            first: A required field.
            second: A defaulted field.
            third: A field with a default factory.
        """

        first: int
        second: str = "two"
        third: list[int] = dataclasses.field(default_factory=list)

    return stores_through_slots(Example) if through_slots else Example


_Plain = _example_class(through_slots=False)
_Fast = _example_class(through_slots=True)


def test_decorated_instances_equal_the_dataclass_ones() -> None:
    """Same values, defaults and factories as the dataclass; still frozen."""
    for arguments, keywords in (((1,), {}), ((1, "x", [3]), {}), ((), {"first": 4})):
        fast, plain = _Fast(*arguments, **keywords), _Plain(*arguments, **keywords)
        assert (fast.first, fast.second, fast.third) == (
            plain.first,
            plain.second,
            plain.third,
        )
    assert _Fast(1).third is not _Fast(1).third
    # The dataclass's own initialisers are made inside ``__create_fn__``.
    assert "__create_fn__" in _Plain.__init__.__code__.co_qualname
    for fast_class in (_Fast, Finding, Span):
        assert "__create_fn__" not in fast_class.__init__.__code__.co_qualname
    # Pickled as a call of the class with every field, through that initialiser.
    built = _Fast(1, "x", [3])
    assert built.__reduce__() == (_Fast, (1, "x", [3]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Fast(1).first = 2  # type: ignore[misc]


def test_findings_and_spans_build_as_before() -> None:
    """Keywords, positions and defaults behave as the dataclass did; pickling too."""
    span = Span(1, 2, 3, 4)
    assert (span.line, span.column, span.end_line, span.end_column) == (1, 2, 3, 4)
    finding = Finding("SP101", "todo-comment", "m", "a.py", span)
    assert (finding.severity, finding.fixable, finding.source) == (
        Severity.ERROR,
        False,
        "strictpy",
    )
    assert finding == Finding(
        code="SP101", name="todo-comment", message="m", path="a.py", span=span
    )
    assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301 - own bytes
    with pytest.raises(TypeError):
        Finding("SP101", "todo-comment", "m")  # type: ignore[call-arg]


def test_classes_it_cannot_serve_are_refused() -> None:
    """A class without slots, or with ``__post_init__``, is a programming error."""

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        """No slots.

        Attributes:
            value: A field.
        """

        value: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        """Validates itself.

        Attributes:
            value: A field.
        """

        value: int

        def __post_init__(self) -> None:
            """Check nothing, but exist."""

    for cls in (Unslotted, Checked):
        with pytest.raises(TypeError, match="cannot store"):
            stores_through_slots(cls)
