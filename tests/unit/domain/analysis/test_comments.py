"""Tests for reading comments with tokenize."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import assume, given, strategies as st

from strictpy.domain.analysis import comments as comments_module
from strictpy.domain.analysis.comments import CommentToken, comment_tails, read_comments

if TYPE_CHECKING:
    from pytest_mock import MockerFixture


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


LINE_PIECES = st.sampled_from(
    [
        "x = 1",
        "  # c",
        "#",
        "'#'",
        '"a # b"',
        "\r",
        "\n",
        "\r\n",
        "\f",
        "é",
        "\t",
        " ",
        "y",
    ]
)


@given(pieces=st.lists(LINE_PIECES, max_size=12))
def test_every_comment_lies_in_the_comment_tails(pieces: list[str]) -> None:
    """A comment is always a substring of the tails, so hints on them are safe.

    Args:
        pieces: Fragments joined into a source text (not always valid Python).
    """
    text = "".join(pieces)
    comments = read_comments(text)
    assume(comments is not None)
    tails = comment_tails(text)
    for comment in comments or ():
        assert comment.text in tails


def test_tails_hold_what_follows_each_lines_first_hash() -> None:
    """One stretch per line with a ``#``, from that ``#`` to the line's end."""
    text = 'a = "x#y"  # z\rb = 2\n# w\r\nc = 3\n'
    assert comment_tails(text) == '#y"  # z\n# w'
    assert comment_tails("no hash\n") == ""


def test_tokenize_fallback_reads_the_same_comments(mocker: MockerFixture) -> None:
    """Without the C tokenizer, ``tokenize`` gives the same comments.

    Args:
        mocker: Hides the C tokenizer.
    """
    text = 'x = 1  # one\ny = "# not"\n\n    # two\n'
    direct = read_comments(text)
    mocker.patch.object(comments_module, "TokenizerIter", None)
    assert read_comments(text) == direct
    assert direct == (CommentToken("# one", 1, 8), CommentToken("# two", 4, 5))
