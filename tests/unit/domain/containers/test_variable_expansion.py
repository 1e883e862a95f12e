"""Tests for BuildKit/compose variable expansion."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from strictpy.domain.containers.variable_expansion import expand_variables

VALUES = MappingProxyType({"SET": "v", "EMPTY": ""})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$SET-${SET}", "v-v"),
        ("${UNSET}x", "x"),
        ("${UNSET:-d}", "d"),
        ("${EMPTY:-d}", "d"),
        ("${EMPTY-d}", ""),
        ("${SET:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${UNSET:?err}", ""),
        ("${UNSET:-${SET}}", "v"),
        ("\\$SET", "$SET"),
        ("cost $5", "cost $5"),
        ("${unclosed", "${unclosed"),
        ("${1}", ""),
    ],
)
def test_dockerfile_expansion(text: str, expected: str) -> None:
    """BuildKit operators, nesting and the backslash escape.

    Args:
        text: The text to expand.
        expected: The expansion.
    """
    assert expand_variables(text, VALUES) == expected


def test_compose_escaping_and_missing_marker() -> None:
    """Compose escapes with $$; unknown variables can stay visible."""
    assert expand_variables("$${SET}", VALUES, compose=True) == "${SET}"
    assert expand_variables("a:${X}", {}, missing="?", compose=True) == "a:?"
