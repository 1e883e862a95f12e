"""Tests for select / ignore / extend-select / per-file-ignores."""

from __future__ import annotations

import pytest

from strictpy.domain.selection import Selection
from strictpy.exceptions import ConfigurationError

KNOWN = ("SP101", "SP102", "SP201", "SP301", "SP302")


def _build(**kwargs: object) -> Selection:
    """Build a selection over ``KNOWN``.

    Args:
        **kwargs: Overrides of the build arguments.

    Returns:
        The selection.
    """
    arguments: dict[str, object] = {
        "select": None,
        "extend_select": (),
        "ignore": (),
        "per_file_ignores": {},
    }
    arguments.update(kwargs)
    return Selection.build(KNOWN, **arguments)  # type: ignore[arg-type]


def test_default_selects_everything() -> None:
    """Without select, every rule is enabled."""
    assert _build().enabled == frozenset(KNOWN)


def test_prefixes_and_more_specific_wins() -> None:
    """A longer ignore beats a shorter select, and the reverse."""
    selection = _build(select=["SP1", "SP301"], ignore=["SP10", "SP3"])
    assert selection.enabled == frozenset({"SP301"})
    assert _build(select=["SP102"], ignore=["SP1"]).enabled == frozenset({"SP102"})


def test_extend_select_adds() -> None:
    """extend-select adds to select."""
    assert _build(select=["SP2"], extend_select=["SP302"]).enabled == frozenset(
        {"SP201", "SP302"}
    )


def test_per_file_ignores() -> None:
    """Globs remove codes for matching files only."""
    selection = _build(per_file_ignores={"tests/**": ["SP1"]})
    assert "SP101" not in selection.enabled_for("tests/unit/test_x.py")
    assert "SP101" in selection.enabled_for("src/app/x.py")


def test_is_selected_by_prefix() -> None:
    """A prefix is selected when some code under it is."""
    selection = _build(select=["SP301"])
    assert selection.is_selected("SP3")
    assert not selection.is_selected("SP1")


@pytest.mark.parametrize("entry", ["SP9", "XYZ", "SP1011"])
def test_unknown_codes_are_configuration_errors(entry: str) -> None:
    """An entry naming no rule is refused with the key in the message.

    Args:
        entry: An entry naming no rule.
    """
    with pytest.raises(
        ConfigurationError, match=f"unknown rule code '{entry}' in 'ignore'"
    ):
        _build(ignore=[entry])
