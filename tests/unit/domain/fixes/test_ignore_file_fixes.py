"""Tests for SP920/SP921's fixes: missing entries appended in a marked block."""

from __future__ import annotations

from strictpy.domain.containers.compliant_files import compliant_dockerignore
from strictpy.domain.containers.ignore_entries import IgnoreFile, parse_ignore_file
from strictpy.domain.fixes.ignore_file_fixes import MARKER, fix_ignore_file
from strictpy.domain.ruleset_data import DOCKERIGNORE_ENTRIES, GITIGNORE_ENTRIES


def _missing(path: str, text: str, entries: tuple[str, ...]) -> tuple[str, ...]:
    """Return what an ignore file still lacks.

    Args:
        path: ``.gitignore`` or ``.dockerignore``.
        text: The file's text.
        entries: The required entries.

    Returns:
        The missing entries.
    """
    parsed = parse_ignore_file(path, text)
    assert isinstance(parsed, IgnoreFile)
    return parsed.missing(entries)


def test_missing_entries_are_appended_after_the_marker() -> None:
    """A later ``!.env`` cannot take back an entry appended at the end."""
    text = "*.pyc\n!.env\n"
    fixed = fix_ignore_file(".gitignore", text)
    assert fixed is not None
    assert fixed.startswith(f"{text}\n{MARKER}\n__pycache__/\n")
    assert _missing(".gitignore", fixed, GITIGNORE_ENTRIES) == ()
    assert fix_ignore_file(".gitignore", fixed) is None


def test_an_earlier_block_is_extended() -> None:
    """Entries missing later join strictpy's block instead of a second one."""
    fixed = fix_ignore_file(".gitignore", "*.pyc\n")
    assert fixed is not None
    again = fix_ignore_file(".gitignore", fixed.replace("uv.lock\n", ""))
    assert again == fixed
    assert again.count(MARKER) == 1


def test_dockerignore_keeps_the_readme() -> None:
    """``*.md`` comes with ``!README.md``, which the build context needs."""
    fixed = fix_ignore_file(".dockerignore", ".git")
    assert fixed is not None
    assert ".git\n\n" in fixed
    assert "*.md\n!README.md\n" in fixed
    assert _missing(".dockerignore", fixed, DOCKERIGNORE_ENTRIES) == ()


def test_crlf_and_nothing_to_do() -> None:
    """Line endings are kept; a compliant or binary file is left alone."""
    fixed = fix_ignore_file(".gitignore", "*.pyc\r\n")
    assert fixed is not None
    assert fixed.count("\n") == fixed.count("\r\n")
    assert fix_ignore_file(".dockerignore", compliant_dockerignore()) is None
    assert fix_ignore_file(".gitignore", "\x00\x01binary") is None
