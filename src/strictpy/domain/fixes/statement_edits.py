"""Removing statements from a block without losing the comments around them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = ["comment_lines", "remove_statements"]


def comment_lines(statement: cst.BaseStatement) -> list[cst.EmptyLine]:
    """Return the lines a removed statement leaves behind.

    Args:
        statement: A statement about to be removed.

    Returns:
        Its leading lines (blank lines included) and its trailing comment as a
        line of its own.
    """
    kept = list(statement.leading_lines)
    trailing = getattr(statement, "trailing_whitespace", None)
    if isinstance(trailing, cst.TrailingWhitespace) and trailing.comment is not None:
        kept.append(cst.EmptyLine(comment=trailing.comment))
    return kept


def _blank_prefix(lines: Sequence[cst.EmptyLine]) -> int:
    """Count the blank lines a sequence of lines starts with.

    Args:
        lines: Leading lines.

    Returns:
        How many come before the first comment.
    """
    count = 0
    for line in lines:
        if line.comment is not None:
            break
        count += 1
    return count


def _joined(
    carried: list[cst.EmptyLine], existing: Sequence[cst.EmptyLine]
) -> list[cst.EmptyLine]:
    """Put a removed statement's lines before the next statement's own.

    Blank lines are not doubled: the longer run of leading blank lines wins,
    so a removed import keeps its section's separating blank line.

    Args:
        carried: The removed statements' lines.
        existing: The next statement's leading lines.

    Returns:
        The next statement's new leading lines.
    """
    carried_blanks = _blank_prefix(carried)
    if carried_blanks < len(carried):
        return [*carried, *existing]
    existing_blanks = _blank_prefix(existing)
    if existing_blanks >= carried_blanks:
        return list(existing)
    return [*carried, *existing[existing_blanks:]]


def remove_statements(
    body: Sequence[cst.BaseStatement], drop: Collection[int]
) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
    """Remove statements by index, moving their comments to what follows.

    Args:
        body: A block's statements.
        drop: Indexes of the statements to remove.

    Returns:
        (the remaining statements, the comment lines left over after the last
        one, which belong in the block's footer; none when they are all blank).
    """
    remaining: list[cst.BaseStatement] = []
    carried: list[cst.EmptyLine] = []
    for index, statement in enumerate(body):
        if index in drop:
            carried.extend(comment_lines(statement))
        elif carried:
            remaining.append(
                statement.with_changes(
                    leading_lines=_joined(carried, statement.leading_lines)
                )
            )
            carried = []
        else:
            remaining.append(statement)
    if all(line.comment is None for line in carried):
        carried = []
    return remaining, carried
