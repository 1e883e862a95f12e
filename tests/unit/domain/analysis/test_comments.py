"""Tests for reading comments with tokenize."""

from __future__ import annotations

from strictpy.domain.analysis.comments import CommentToken, read_comments


def test_comments_have_positions() -> None:
    """Each comment carries its 1-based line and column."""
    comments = read_comments('x = 1  # one\ny = "# not a comment"\n# two\n')
    assert comments == (CommentToken("# one", 1, 8), CommentToken("# two", 3, 1))
    assert comments is not None
    assert (comments[0].column, comments[0].end_column) == (8, 13)


def test_no_hash_means_no_tokenize() -> None:
    """Text without '#' has no comments."""
    assert read_comments("x = 1\n") == ()


def test_untokenizable_text_returns_none() -> None:
    """The caller falls back to the tree when tokenize fails."""
    assert read_comments("x = (\n# open\n") is None


def test_tokenizer_decode_failure_returns_none() -> None:
    """A lone CR before a non-ASCII letter breaks CPython's tokenizer (found by fuzzing)."""
    assert read_comments("#\r\u00c0") is None
