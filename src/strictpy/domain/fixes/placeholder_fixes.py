"""SP102's fix: drop ``pass`` where the block keeps another statement (its docstring).

A ``pass`` next to a docstring (or any other statement) does nothing; removing
it leaves a valid body. A block whose only statement is ``pass`` is left alone:
something real must be written there, and the finding stays. Comments on or
above the removed line move to the next statement, or to the block's end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.fixes.statement_edits import remove_statements

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = ["drop_passes", "drop_passes_in_suite"]


def drop_passes(
    body: Sequence[cst.BaseStatement], marked: Collection[int], *, allow_empty: bool
) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]] | None:
    """Remove marked ``pass`` statements from a block's statements.

    Args:
        body: The block's statements.
        marked: ``id`` of the ``Pass`` nodes to remove.
        allow_empty: Whether the block may end up empty (a module may).

    Returns:
        (new statements, comment lines for the block's footer), or None when
        nothing changes or the block would be left empty.
    """
    statements: list[cst.BaseStatement] = []
    drop: set[int] = set()
    for index, original in enumerate(body):
        statement = original
        if isinstance(original, cst.SimpleStatementLine):
            kept = [small for small in original.body if id(small) not in marked]
            if not kept:
                drop.add(index)
            elif len(kept) != len(original.body):
                kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
                statement = original.with_changes(body=kept)
        statements.append(statement)
    changed = drop or any(
        new is not old for new, old in zip(statements, body, strict=True)
    )
    if not changed or (len(drop) == len(statements) and not allow_empty):
        return None
    return remove_statements(statements, drop)


def drop_passes_in_suite(
    suite: cst.SimpleStatementSuite, marked: Collection[int]
) -> cst.SimpleStatementSuite | None:
    """Remove marked ``pass`` statements from a one-line body (``class A: ...; pass``).

    Args:
        suite: The one-line body.
        marked: ``id`` of the ``Pass`` nodes to remove.

    Returns:
        The new body, or None when nothing changes or it would be empty.
    """
    kept = [small for small in suite.body if id(small) not in marked]
    if not kept or len(kept) == len(suite.body):
        return None
    kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return suite.with_changes(body=kept)
