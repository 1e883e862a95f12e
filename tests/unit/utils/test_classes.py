"""Tests for walking a class hierarchy."""

from __future__ import annotations

from strictpy.utils.classes import subclasses_of


class Base:
    """The root."""


class Left(Base):
    """A direct subclass."""


class Right(Base):
    """Another direct subclass."""


class Both(Left, Right):
    """Reached twice, through both parents."""


class Deep(Both):
    """Two levels below the parents."""


def test_every_subclass_once_base_excluded() -> None:
    """Direct and indirect subclasses are listed once each, never the base."""
    found = subclasses_of(Base)
    assert sorted(cls.__name__ for cls in found) == ["Both", "Deep", "Left", "Right"]
    assert len(found) == len(set(found))


def test_a_leaf_has_no_subclasses() -> None:
    """A class nothing derives from yields nothing."""
    assert subclasses_of(Deep) == []
