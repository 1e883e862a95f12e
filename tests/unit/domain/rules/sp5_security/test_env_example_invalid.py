"""Tests for SP505 env-example-invalid."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp5_security.env_example_invalid import is_placeholder
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP505"
PATH = ".env.example"


def test_placeholders_are_fine() -> None:
    """Secret keys with placeholders and non-secret keys with values."""
    text = (
        "# Template\nAPP_DEBUG=true\nAPP_DB_PASSWORD=changeme\nexport API_KEY='<your-key>'\n"
        'AUTH_TOKEN=""\nAUTHOR=Jane\nTOKENIZER=bert\n'
    )
    assert locations(CODE, {PATH: text}) == []


def test_real_secret_values_reported_at_line() -> None:
    """Each secret-like key with a real value, at its line."""
    text = 'APP_DEBUG=true\n\nDB_PASSWORD=hunter2\napiKey="sk-live-123"\n'
    assert locations(CODE, {PATH: text}) == [(PATH, 3), (PATH, 4)]


def test_missing_template() -> None:
    """No .env.example: one finding without a line."""
    (finding,) = findings_of(CODE, {"src/a.py": ""})
    assert (finding.path, finding.line) == (PATH, None)
    assert "missing" in finding.message


def test_malformed_file_is_a_finding_not_a_crash() -> None:
    """Binary-looking garbage yields one finding at the first bad line."""
    text = "GOOD=1\n\x00\x01garbage here\nanother bad line\nOK=2\n"
    (finding,) = findings_of(CODE, {PATH: text})
    assert (finding.path, finding.line) == (PATH, 2)
    assert "2 such lines" in finding.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", True),
        ("changeme", True),
        ("CHANGE_ME", True),
        ("<secret>", True),
        ("your-api-key", True),
        ("xxx", True),
        ("****", True),
        ("${VAULT_TOKEN}", True),
        ("sk-example-key", True),
        ("hunter2", False),
        ("postgres-primary.internal", False),
        ("xx", False),
    ],
)
def test_is_placeholder(value: str, expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Obvious placeholders only.

    Args:
        value: The value.
        expected: Whether it is a placeholder.
    """
    assert is_placeholder(value) is expected
