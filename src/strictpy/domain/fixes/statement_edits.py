"""Removing statements from a block without losing the comments around them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = ["comment_lines", "remove_statements"]


def comment_lines(statement: cst.BaseStatement) -> list[cst.EmptyLine]:
    """Return the comments a statement carries, as standalone comment lines.

    Args:
        statement: A statement about to be removed.

    Returns:
        Its leading comment lines (blank lines dropped) and its trailing
        comment, in order.
    """
    kept = [line for line in statement.leading_lines if line.comment is not None]
    trailing = getattr(statement, "trailing_whitespace", None)
    if isinstance(trailing, cst.TrailingWhitespace) and trailing.comment is not None:
        kept.append(cst.EmptyLine(comment=trailing.comment))
    return kept


def remove_statements(
    body: Sequence[cst.BaseStatement], drop: Collection[int]
) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
    """Remove statements by index, moving their comments to what follows.

    Args:
        body: A block's statements.
        drop: Indexes of the statements to remove.

    Returns:
        (the remaining statements, comment lines left over after the last one,
        which belong in the block's footer).
    """
    remaining: list[cst.BaseStatement] = []
    carried: list[cst.EmptyLine] = []
    for index, statement in enumerate(body):
        if index in drop:
            carried.extend(comment_lines(statement))
        elif carried:
            remaining.append(
                statement.with_changes(
                    leading_lines=[*carried, *statement.leading_lines]
                )
            )
            carried = []
        else:
            remaining.append(statement)
    return remaining, carried
