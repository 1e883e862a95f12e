"""Tests for ignore patterns: bare names by set lookup, the rest by pathspec."""

from __future__ import annotations

import pathspec
from hypothesis import given, strategies as st

from strictpy.adapters.ignore_patterns import IgnorePatterns
from strictpy.config import RUFF_EXCLUDES

COMPONENTS = st.sampled_from(
    ["a", "b", ".venv", "build", "a.py", "x-y", "_z", "..", "."]
)
PATTERNS = st.one_of(
    COMPONENTS,
    st.sampled_from(
        [
            "*.py", "a/", "build/", ".venv/", "x-y/", "*.a", "*a", "*.", "*..", "*b",
            "/a", "a/b", "b*", "!a", "!build", "# note", "", "a ", "\\#a", "**/x-y",
            "*", "*/", "./", "../",
        ]
    ),
)  # fmt: skip


@given(
    lines=st.lists(PATTERNS, max_size=6),
    path=st.lists(
        COMPONENTS.filter(lambda part: part not in {".", ".."}), min_size=1, max_size=4
    ),
    is_dir=st.booleans(),
)
def test_same_answers_as_pathspec(
    lines: list[str], path: list[str], *, is_dir: bool
) -> None:
    """Splitting off bare names never changes which paths are ignored.

    Args:
        lines: Pattern lines, bare names and others, negations included.
        path: The components of a relative path.
        is_dir: Whether the path is a folder.
    """
    text = "/".join(path)
    expected = pathspec.GitIgnoreSpec.from_lines(lines).match_file(
        f"{text}/" if is_dir else text
    )
    assert IgnorePatterns.from_lines(lines).matches(text, is_dir=is_dir) == expected


def test_the_ruleset_exclusions_need_no_regular_expression() -> None:
    """Ruff's default exclusions are all bare names: nothing is compiled."""
    patterns = IgnorePatterns.from_lines(RUFF_EXCLUDES)
    assert patterns.spec is None
    assert patterns.names == frozenset(RUFF_EXCLUDES)
    assert (patterns.folders, patterns.suffixes) == (frozenset(), ())
    assert patterns.matches("src/.venv/lib/x.py", is_dir=False)
    assert patterns.matches("node_modules", is_dir=True)
    assert not patterns.matches("src/venvs/x.py", is_dir=False)


def test_plain_forms_of_a_typical_gitignore_need_no_regular_expression() -> None:
    """Names, ``name/`` and ``*.suffix`` lines are all answered without pathspec."""
    lines = ["# caches", "__pycache__/", "*.pyc", ".venv", "", "dist/", "*.egg-info"]
    patterns = IgnorePatterns.from_lines(lines)
    assert patterns.spec is None
    assert patterns.folders == frozenset({"__pycache__", "dist"})
    assert patterns.suffixes == (".pyc", ".egg-info")
    assert patterns.matches("src/__pycache__/x.py", is_dir=False)
    assert not patterns.matches("src/dist", is_dir=False)
    assert patterns.matches("src/dist", is_dir=True)
    assert patterns.matches("a/.pyc", is_dir=False)


def test_a_negation_keeps_the_order_of_patterns() -> None:
    """With a negation, later patterns override earlier ones, as in git."""
    patterns = IgnorePatterns.from_lines(["build", "!build"])
    assert patterns.names == frozenset()
    assert not patterns.matches("build", is_dir=True)
