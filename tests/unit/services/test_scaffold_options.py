"""Tests for the options of ``strictpy new`` and the name's validation."""

from __future__ import annotations

import pytest

from strictpy.exceptions import ValidationError
from strictpy.services.scaffold_options import (
    Cache,
    Database,
    ScaffoldOptions,
    validate_package_name,
)


@pytest.mark.parametrize("name", ["shop", "my_app", "a1"])
def test_valid_names(name: str) -> None:
    """Lowercase identifiers that shadow nothing are accepted.

    Args:
        name: A valid name.
    """
    assert validate_package_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("My-App", "lowercase"),
        ("1app", "lowercase"),
        ("class", "keyword"),
        ("match", "keyword"),
        ("json", "standard-library"),
        ("logging", "standard-library"),
        ("pydantic", "dependency"),
        ("tests", "dependency or folder"),
    ],
)
def test_invalid_names(name: str, reason: str) -> None:
    """Each invalid name gets a message saying why.

    Args:
        name: An invalid name.
        reason: Words the message contains.
    """
    with pytest.raises(ValidationError, match=reason) as raised:
        validate_package_name(name)
    assert f"'{name}'" in str(raised.value)


def test_components_in_order() -> None:
    """Only the chosen components are listed, in option order."""
    assert ScaffoldOptions().components == ()
    options = ScaffoldOptions(db=Database.POSTGRES, cache=Cache.REDIS)
    assert options.components == ("db", "cache")
