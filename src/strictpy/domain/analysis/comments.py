"""Comments as tokens with exact positions, read with ``tokenize``.

libcst keeps comments inside whitespace nodes, which the engine's walker skips for
speed; ``tokenize`` gives every comment with its line and column for about a tenth
of a libcst parse, so comment rules never need a position pass.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass

__all__ = ["CommentToken", "read_comments"]


@dataclass(frozen=True, slots=True)
class CommentToken:
    """One ``#`` comment.

    Attributes:
        text: The comment including its ``#``.
        line: 1-based line.
        column: 1-based column of the ``#``.
    """

    text: str
    line: int
    column: int

    @property
    def end_column(self) -> int:
        """The 1-based column just after the comment.

        Returns:
            The end column.
        """
        return self.column + len(self.text)


def read_comments(text: str) -> tuple[CommentToken, ...] | None:
    """Return every comment of a source text in order.

    Args:
        text: Decoded Python source.

    Returns:
        The comments, or None when ``tokenize`` cannot read the text (the caller
        then falls back to the syntax tree).
    """
    if "#" not in text:
        return ()
    found: list[CommentToken] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                row, col = token.start
                found.append(CommentToken(token.string, row, col + 1))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        # CPython's tokenizer can fail to decode its own re-encoding of a text
        # mixing lone CR line breaks and non-ASCII letters ("#\rÀ").
        return None
    return tuple(found)
