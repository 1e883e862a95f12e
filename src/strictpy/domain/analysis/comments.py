"""Comments as tokens with exact positions, read with ``tokenize``.

libcst keeps comments inside whitespace nodes, which the engine's walker skips for
speed; ``tokenize`` gives every comment with its line and column for about a tenth
of a libcst parse, so comment rules never need a position pass.

The tokens come straight from CPython's C tokenizer, which ``tokenize`` wraps:
its wrapper turns every token into a named tuple, half the cost of reading the
comments, for the comments alone are kept. Where the C tokenizer is not
available, ``tokenize`` itself is used.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

try:
    from _tokenize import TokenizerIter
except ImportError:  # another interpreter than CPython 3.12+
    TokenizerIter = None

__all__ = ["CommentToken", "comment_tails", "read_comments"]

# A comment runs from a ``#`` to the end of its line, so every comment of a line
# is a suffix of the stretch that starts at the line's first ``#``.
COMMENT_TAIL = re.compile(r"#[^\r\n]*")

type RawToken = tuple[int, str, tuple[int, int], tuple[int, int], str]


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


def comment_tails(text: str) -> str:
    """Return each line's stretch from its first ``#`` on, one per line.

    Every comment of the text is a substring of the result (strings holding a
    ``#`` only add stretches), so a substring test that finds nothing there
    would find nothing in any comment, at a fraction of tokenizing's cost.

    Args:
        text: Decoded Python source.

    Returns:
        The stretches joined with newlines ("" when the text has no ``#``).
    """
    return "\n".join(COMMENT_TAIL.findall(text))


def _tokens(readline: Callable[[], str]) -> Iterator[RawToken]:
    """Tokenize source lines, as plain tuples where the C tokenizer is there.

    Args:
        readline: Returns the next line of the source.

    Returns:
        (type, string, start, end, line) per token.
    """
    if TokenizerIter is None:
        return tokenize.generate_tokens(readline)
    return TokenizerIter(readline, extra_tokens=True)


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
    comment = tokenize.COMMENT
    try:
        for kind, string, (row, col), _, _ in _tokens(io.StringIO(text).readline):
            if kind == comment:
                found.append(CommentToken(string, row, col + 1))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        # CPython's tokenizer can fail to decode its own re-encoding of a text
        # mixing lone CR line breaks and non-ASCII letters ("#\rÀ").
        return None
    return tuple(found)
