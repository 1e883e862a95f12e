"""Credential-like values: passwords embedded in URLs and well-known token shapes.

Secret-like *names* are defined once for every rule in
``strictpy.domain.secret_names``; this module adds what a *value* gives away,
for configuration files (Dockerfile ``ARG``/``ENV``) whose names may be
harmless (``DATABASE_URL``) while the value is not.
"""

from __future__ import annotations

import re

__all__ = ["credential_like_value"]

URL_PASSWORD = re.compile(
    r"^[a-z][a-z0-9+.-]*://[^/:@\s]*:(?P<password>[^@/\s]+)@", re.IGNORECASE
)
TOKEN_SHAPES = (
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{22,}\b"),
    re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    re.compile(r"\bsk[-_](?:live_)?[A-Za-z0-9]{20,}\b"),
    re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\."),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
)


def credential_like_value(value: str) -> bool:
    """Tell whether a value looks like a real credential.

    A URL whose password is a variable reference (``${DB_PASSWORD}``) is not
    a credential: the secret stays outside the file.

    Args:
        value: A value as written.

    Returns:
        True for an embedded URL password or a well-known key/token shape.
    """
    match = URL_PASSWORD.match(value.strip())
    if match is not None and not match["password"].startswith("$"):
        return True
    return any(shape.search(value) for shape in TOKEN_SHAPES)
