"""SP920/SP921's fixes: append the missing ignore-file entries in a marked block.

The entries go at the end, after a comment that says where they come from, so
a later ``!pattern`` cannot take them back and a reader sees what was added.
A block strictpy added before is extended rather than repeated. ``*.md`` in
``.dockerignore`` comes with ``!README.md``: a pyproject that declares
``readme = "README.md"`` cannot be built without it, and the exception keeps
the entry present. The file's line endings are kept.
"""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.containers.ignore_entries import IgnoreFile, parse_ignore_file
from strictpy.domain.ruleset_data import (
    DOCKERIGNORE_ENTRIES,
    DOCKERIGNORE_NAME,
    GITIGNORE_ENTRIES,
    GITIGNORE_NAME,
)

__all__ = ["IGNORE_FILE_CODES", "MARKER", "fix_ignore_file"]

MARKER = "# Added by strictpy --fix: required by ruleset section 9.4"
IGNORE_FILE_CODES = MappingProxyType(
    {"SP920": GITIGNORE_NAME, "SP921": DOCKERIGNORE_NAME}
)
README_EXCEPTION = "!README.md"
MARKDOWN = "*.md"


def fix_ignore_file(path: str, text: str) -> str | None:
    """Append the entries of ruleset section 9.4 that an ignore file lacks.

    Args:
        path: ``.gitignore`` or ``.dockerignore``.
        text: The file's text.

    Returns:
        The new text, or None when nothing is missing or the file is not a
        readable ignore file.
    """
    required = DOCKERIGNORE_ENTRIES if path == DOCKERIGNORE_NAME else GITIGNORE_ENTRIES
    parsed = parse_ignore_file(path, text)
    if not isinstance(parsed, IgnoreFile):
        return None
    missing = list(parsed.missing(required))
    if not missing:
        return None
    if path == DOCKERIGNORE_NAME and MARKDOWN in missing:
        missing.insert(missing.index(MARKDOWN) + 1, README_EXCEPTION)
    newline = (
        "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"
    )
    body = text if not text or text.endswith("\n") else text + newline
    blocks = body.rstrip("\r\n").split(newline + newline)
    if not blocks[-1].lstrip("\r\n").startswith(MARKER):
        separator = newline if body.strip() else ""
        body = f"{body}{separator}{MARKER}{newline}"
    return body + newline.join(missing) + newline
