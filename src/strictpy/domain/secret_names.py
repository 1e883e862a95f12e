"""Secret-like names, as the catalog defines them (rules.md conventions).

An identifier or key is secret-like when its words (split on ``_``, ``-``, other
punctuation and camelCase, compared case-insensitively) include a secret word
(``password``, ``token``...) or a secret word pair (``api key``...). So
``db_password``, ``apiKey`` and ``AUTH_TOKEN`` match; ``author``,
``Authorization`` and ``tokenizer`` do not.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["SECRET_PAIRS", "SECRET_WORDS", "is_secret_name", "name_words"]

SECRET_WORDS = frozenset(
    {"password", "passwd", "pwd", "secret", "token", "credential", "credentials"}
)
SECRET_PAIRS = frozenset(
    (first, key) for first in ("api", "access", "private") for key in ("key", "keys")
)
# Every secret word or pair contains one of these; most names contain none, and
# this check is far cheaper than splitting the name into words.
FRAGMENTS = ("pass", "pwd", "secret", "token", "credential", "key")
# Runs of capitals before a capitalised word (``HTTPToken``), capitalised or
# lowercase words, remaining capitals, digits.
WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def name_words(name: str) -> tuple[str, ...]:
    """Split an identifier or key into lowercase words.

    Args:
        name: An identifier (``dbPassword``), constant (``API_KEY``) or key
            (``x-auth-token``).

    Returns:
        The words, lowercased, in order.
    """
    return tuple(word.lower() for word in WORD.findall(name))


def is_secret_name(name: str) -> bool:
    """Tell whether an identifier or key names a secret.

    Args:
        name: The identifier or key.

    Returns:
        True when a secret word or word pair occurs among its words.
    """
    lowered = name.lower()
    if not any(fragment in lowered for fragment in FRAGMENTS):
        return False
    words = name_words(name)
    if any(word in SECRET_WORDS for word in words):
        return True
    return any(pair in SECRET_PAIRS for pair in itertools.pairwise(words))
