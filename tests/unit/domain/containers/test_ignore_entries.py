"""Tests for ignore-file parsing and entry coverage."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.ignore_entries import (
    IgnoreDialect,
    IgnoreFile,
    parse_ignore_file,
)
from strictpy.domain.containers.input_problem import InputProblem


def parsed(path: str, text: str) -> IgnoreFile:
    """Parse an ignore file that must be text.

    Args:
        path: ``.gitignore`` or ``.dockerignore``.
        text: The file's text.

    Returns:
        The model.
    """
    result = parse_ignore_file(path, text)
    assert isinstance(result, IgnoreFile)
    return result


@pytest.mark.parametrize(
    ("line", "entry", "present"),
    [
        ("/.venv/", ".venv/", True),
        ("**/.venv/", ".venv/", True),
        (".venv", ".venv/", True),
        (".venv/", ".venv", False),
        (".venv/**", ".venv/", True),
        ("*.py[cod]", "*.pyc", True),
        ("*.py[!c]", "*.pyc", False),
        ("*.sw?", "*.swo", True),
        ("*", "uv.lock", True),
        ("src/*.pyc", "*.pyc", False),
        (".env.*", ".env", False),
        (".env*", ".env", True),
        ("\\#file", "#file", True),
        ("# .env", ".env", False),
        ("uv.lock   ", "uv.lock", True),
        ("[unclosed", "[unclosed", True),
    ],
)
def test_git_coverage(line: str, entry: str, *, present: bool) -> None:
    """A line covers an entry when it ignores at least as much, git's way.

    Args:
        line: The .gitignore line.
        entry: The required entry.
        present: Whether the entry counts as present.
    """
    assert parsed(".gitignore", line + "\n").has_entry(entry) is present


@pytest.mark.parametrize(
    ("text", "entry", "present"),
    [
        (".env\n!.env\n", ".env", False),
        (".env\n!.env\n.env\n", ".env", True),
        ("*.md\n!README.md\n", "*.md", True),
        ("*.md\n!*.md\n", "*.md", False),
        ("!.env\n", ".env", False),
    ],
)
def test_negation(text: str, entry: str, *, present: bool) -> None:
    """A later exception removes an entry only when it re-includes all of it.

    Args:
        text: The file's text.
        entry: The required entry.
        present: Whether the entry counts as present.
    """
    assert parsed(".gitignore", text).has_entry(entry) is present


def test_docker_dialect() -> None:
    """Docker trims spaces and ignores trailing slashes."""
    ignore = parsed(".dockerignore", "  tests  \n.venv/\n/docs\n./build\n")
    assert ignore.dialect is IgnoreDialect.DOCKER
    assert ignore.missing(("tests/", ".venv", "docs/", "build", ".git")) == (".git",)
    git = parsed(".gitignore", ".venv\n")
    assert git.dialect is IgnoreDialect.GIT


def test_patterns_keep_lines() -> None:
    """Patterns remember their line; comments and blanks are skipped."""
    ignore = parsed(".gitignore", "# c\n\n!keep\n/dist/\n")
    assert [(p.line, p.negated, p.pattern, p.dir_only) for p in ignore.patterns] == [
        (3, True, "keep", False),
        (4, False, "dist", True),
    ]


def test_binary_file_is_a_problem() -> None:
    """NUL or undecodable bytes make the file a problem at that line."""
    problem = parse_ignore_file(".gitignore", ".env\n\x00\x01\n")
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (".gitignore", 2)
