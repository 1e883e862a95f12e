"""Tests for SP803 python-version."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp8_pyproject.python_version import lower_bound
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP803"


def _pyproject(value: str) -> dict[str, str]:
    """Build a pyproject with a requires-python value.

    Args:
        value: The TOML value text.

    Returns:
        The files.
    """
    return {"pyproject.toml": f'[project]\nname = "x"\nrequires-python = {value}\n'}


@pytest.mark.parametrize(
    "value", ['">=3.13"', '">=3.13.1,<4"', '"~=3.13"', '"==3.13.*"', '" >= 3.13 "']
)
def test_accepted_lower_bounds(value: str) -> None:
    """Any 3.13.x lower bound is fine.

    Args:
        value: The TOML value.
    """
    assert locations(CODE, _pyproject(value)) == []


@pytest.mark.parametrize("value", ['">=3.11"', '">=3.14"', '"<4"', '">3.12"', "3.13"])
def test_rejected_values_reported_at_key(value: str) -> None:
    """Other bounds, no bound, and a non-string value are reported.

    Args:
        value: The TOML value.
    """
    (finding,) = findings_of(CODE, _pyproject(value))
    assert (finding.path, finding.line) == ("pyproject.toml", 3)


def test_missing_key_is_silent() -> None:
    """SP804 reports a missing requires-python."""
    assert locations(CODE, {"pyproject.toml": "[project]\n"}) == []


def test_lower_bound() -> None:
    """The greatest lower bound of the clauses."""
    assert lower_bound(">=3.10, >=3.13, <4") == (3, 13)
    assert lower_bound("<4") is None
    assert lower_bound("!=3.12") is None
