"""Tests for the catalog's secret-like names."""

from __future__ import annotations

import pytest

from strictpy.domain.secret_names import is_secret_name, name_words


@pytest.mark.parametrize(
    "name",
    [
        "db_password",
        "apiKey",
        "AUTH_TOKEN",
        "passwd",
        "pwd",
        "client_secret",
        "HTTPToken",
        "aws-access-key",
        "PRIVATE_KEY",
        "api_keys",
        "credentials",
        "credential_file",
        "x-auth-token",
    ],
)
def test_secret_like(name: str) -> None:
    """Names whose words include a secret word or pair match.

    Args:
        name: A secret-like name.
    """
    assert is_secret_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "author",
        "Authorization",
        "tokenizer",
        "key",
        "api",
        "keyApi",
        "passage",
        "secretary",
        "monkey_patch",
        "",
    ],
)
def test_not_secret_like(name: str) -> None:
    """Words that merely contain a secret word do not match.

    Args:
        name: A name that is not secret-like.
    """
    assert not is_secret_name(name)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("dbPassword", ("db", "password")),
        ("API_KEY", ("api", "key")),
        ("HTTPTokenValue", ("http", "token", "value")),
        ("x-auth-token2", ("x", "auth", "token", "2")),
    ],
)
def test_name_words(name: str, words: tuple[str, ...]) -> None:
    """Names split on separators and camelCase, lowercased.

    Args:
        name: An identifier or key.
        words: Its expected words.
    """
    assert name_words(name) == words
