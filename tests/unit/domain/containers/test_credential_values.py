"""Tests for credential-like values."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.credential_values import credential_like_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Split so that this module's own literals hold no credential URL.
        ("postgresql://app:" + "s3cret@db/app", True),
        ("postgresql+asyncpg://app:${DB_PASSWORD}@db/app", False),
        ("redis://redis:6379/0", False),
        ("AKIAIOSFODNN7EXAMPLE", True),
        ("ghp_" + "a" * 36, True),
        ("-----BEGIN RSA PRIVATE KEY-----", True),
        ("/run/secrets/token", False),
        ("plain-value", False),
    ],
)
def test_credential_like_value(value: str, *, expected: bool) -> None:
    """URL passwords and well-known token shapes are credentials.

    Args:
        value: The value.
        expected: Whether it looks like a credential.
    """
    assert credential_like_value(value) is expected
