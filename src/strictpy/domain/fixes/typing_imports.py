"""SP203-SP205's fixes on imports, once the uses have been rewritten.

``from typing import List, Callable, Deque, TypeVar`` becomes ``from collections
import deque`` + ``from collections.abc import Callable`` + ``from typing import
TypeVar`` in the same place (so an import under ``if TYPE_CHECKING:`` stays
there), merged into an existing ``from collections.abc import ...`` of the same
block when there is one. A ``typing`` alias is removed only when the fix
rewrote its last reference; an alias the fix did not touch is never removed.
``import typing as t`` loses ``t`` the same way, and rewritten attribute uses
(``t.Deque`` -> ``collections.deque``) get ``import collections`` at the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.fixes.fix_scope import has_comment
from strictpy.domain.fixes.statement_edits import remove_statements
from strictpy.domain.fixes.typing_fixes import dotted_expression

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from strictpy.domain.fixes.typing_fixes import TypingPlan

__all__ = ["ImportRewriter", "alias_key"]

FUTURE = "__future__"
COMMA = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
# Moved aliases: module to (name, asname) pairs.
type Moves = dict[str, list[tuple[str, str | None]]]


def alias_key(name: str) -> tuple[int, str]:
    """Order imported names as isort's ``order-by-type`` does.

    Args:
        name: An imported name.

    Returns:
        Constants first, then classes, then the rest; alphabetical within.
    """
    if name.isupper() and len(name) > 1:
        rank = 0
    elif name[:1].isupper():
        rank = 1
    else:
        rank = 2
    return rank, name


def _alias_names(node: cst.ImportFrom) -> list[tuple[str, str | None]]:
    """Return the (name, asname) pairs of a ``from`` import.

    Args:
        node: The import statement.

    Returns:
        The pairs, in order.
    """
    pairs: list[tuple[str, str | None]] = []
    if isinstance(node.names, cst.ImportStar):
        return pairs
    for alias in node.names:
        asname = alias.asname.name if alias.asname is not None else None
        pairs.append(
            (
                dotted_name(alias.name) or "",
                asname.value if isinstance(asname, cst.Name) else None,
            )
        )
    return pairs


def _from_import(
    module: str, pairs: Sequence[tuple[str, str | None]]
) -> cst.ImportFrom:
    """Build ``from <module> import a, b as c``.

    Args:
        module: The dotted module.
        pairs: (name, asname) pairs.

    Returns:
        The statement.
    """
    names = [
        cst.ImportAlias(
            name=cst.Name(name),
            asname=cst.AsName(name=cst.Name(asname)) if asname else None,
            comma=COMMA if index < len(pairs) - 1 else cst.MaybeSentinel.DEFAULT,
        )
        for index, (name, asname) in enumerate(pairs)
    ]
    return cst.ImportFrom(module=dotted_expression(module), names=names)


def _merged(pairs: Sequence[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Deduplicate and order (name, asname) pairs.

    Args:
        pairs: The pairs.

    Returns:
        Unique pairs in ``order-by-type`` order.
    """
    return sorted(
        dict.fromkeys(pairs), key=lambda pair: (alias_key(pair[0]), pair[1] or "")
    )


def _single(statement: cst.BaseStatement) -> cst.BaseSmallStatement | None:
    """Return the only small statement of a simple line.

    Args:
        statement: A statement.

    Returns:
        The small statement, or None for compound or multi-statement lines.
    """
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        return statement.body[0]
    return None


def _sorted_position(
    statements: Sequence[cst.BaseStatement],
    replaced: Mapping[int, list[cst.BaseStatement]],
    module: str,
    anchor: int,
) -> int:
    """Return where a new ``from <module> import`` line goes, isort-wise.

    Before the first earlier ``from`` import of a module that sorts after it
    (``from collections.abc`` follows ``from collections``), else at the
    ``typing`` line it replaces.

    Args:
        statements: The block's statements.
        replaced: Replacements by index.
        module: The new line's module.
        anchor: Index of the ``typing`` line.

    Returns:
        The index to insert before.
    """
    for index, statement in enumerate(statements[:anchor]):
        small = _single(statement)
        if (
            index not in replaced
            and isinstance(small, cst.ImportFrom)
            and small.module is not None
            and not small.relative
            and (dotted_name(small.module) or "") > module
        ):
            return index
    return anchor


class ImportRewriter(cst.CSTTransformer):
    """Rewrites the ``typing`` imports of a module after its uses were fixed."""

    def __init__(
        self,
        plan: TypingPlan,
        typing_imports: Mapping[int, cst.ImportFrom],
        module_imports: Mapping[int, cst.Import],
        existing_modules: frozenset[str],
    ) -> None:
        """Prepare the rewrite.

        Args:
            plan: The file's plan and counters.
            typing_imports: ``id`` of a rewritten tree's ``from typing import``
                statement to the statement as parsed.
            module_imports: Same for ``import typing [as t]`` statements.
            existing_modules: Dotted names the module already imports.
        """
        super().__init__()
        self._plan = plan
        self._typing_imports = typing_imports
        self._module_imports = module_imports
        self._existing = existing_modules

    def _split(self, original: cst.ImportFrom) -> tuple[list[int], Moves]:
        """Decide which aliases of a ``from typing import`` stay and which move.

        Args:
            original: The statement as parsed.

        Returns:
            (indexes of the aliases that stay, moved aliases by module).
        """
        keep: list[int] = []
        moves: Moves = {}
        aliases = () if isinstance(original.names, cst.ImportStar) else original.names
        for index, alias in enumerate(aliases):
            plan = self._plan.by_alias.get(id(alias))
            if plan is None or not plan.fixable:
                keep.append(index)
            elif plan.module is not None and plan.name is not None:
                asname = None if plan.rename_uses else plan.local
                if asname == plan.name:
                    asname = None
                moves.setdefault(plan.module, []).append((plan.name, asname))
            elif self._plan.remaining(plan.local) or (
                plan.builtin is None and self._plan.removed[plan.local] == 0
            ):
                keep.append(index)
        return keep, moves

    def _typing_line(
        self, line: cst.SimpleStatementLine, node: cst.ImportFrom, keep: list[int]
    ) -> cst.SimpleStatementLine | None:
        """Rebuild a ``from typing import`` line with the aliases that stay.

        Args:
            line: The statement line.
            node: Its import, as in the rewritten tree.
            keep: Indexes of the aliases that stay.

        Returns:
            The line, or None when no alias stays.
        """
        if isinstance(node.names, cst.ImportStar) or not keep:
            return None
        if len(keep) == len(node.names):
            return line
        names = [node.names[index] for index in keep]
        if isinstance(node.names[-1].comma, cst.MaybeSentinel):
            names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return line.with_changes(body=[node.with_changes(names=names)])

    def _module_line(
        self, line: cst.SimpleStatementLine, node: cst.Import
    ) -> cst.SimpleStatementLine | None:
        """Drop ``import typing [as t]`` aliases whose every use was rewritten.

        Args:
            line: The statement line.
            node: Its import.

        Returns:
            The line, possibly without some aliases, or None when none stays.
        """
        if has_comment(node):
            return line
        kept = []
        for alias in node.names:
            local = dotted_name(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            unused = self._plan.removed[local] and not self._plan.remaining(local)
            if not (local and dotted_name(alias.name) == "typing" and unused):
                kept.append(alias)
        if len(kept) == len(node.names):
            return line
        if not kept:
            return None
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return line.with_changes(body=[node.with_changes(names=kept)])

    def _rewrite(
        self, body: Sequence[cst.BaseStatement]
    ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
        """Rewrite the typing imports of one block.

        Args:
            body: The block's statements.

        Returns:
            (new statements, comment lines for the block's footer).
        """
        statements = list(body)
        replaced: dict[int, list[cst.BaseStatement]] = {}
        moves: Moves = {}
        anchors: dict[str, int] = {}
        for index, statement in enumerate(statements):
            small = _single(statement)
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            if isinstance(small, cst.ImportFrom) and id(small) in self._typing_imports:
                keep, moved = self._split(self._typing_imports[id(small)])
                line = self._typing_line(statement, small, keep)
                replaced[index] = [line] if line is not None else []
                for module, pairs in moved.items():
                    moves.setdefault(module, []).extend(pairs)
                    anchors.setdefault(module, index)
            elif isinstance(small, cst.Import) and id(small) in self._module_imports:
                line = self._module_line(statement, small)
                if line is not statement:
                    replaced[index] = [line] if line is not None else []
        for module in sorted(moves, reverse=True):
            self._place(statements, replaced, module, moves[module], anchors[module])
        return self._assemble(statements, replaced)

    def _place(
        self,
        statements: list[cst.BaseStatement],
        replaced: dict[int, list[cst.BaseStatement]],
        module: str,
        pairs: list[tuple[str, str | None]],
        anchor: int,
    ) -> None:
        """Add moved aliases to an existing import of their module, or a new one.

        Args:
            statements: The block's statements (an existing import is updated).
            replaced: Replacements by index (a new import joins the anchor's).
            module: The module the aliases move to.
            pairs: The moved (name, asname) pairs.
            anchor: Index of the ``typing`` line they came from.
        """
        for index, statement in enumerate(statements):
            small = _single(statement)
            if (
                index not in replaced
                and isinstance(small, cst.ImportFrom)
                and not small.relative
                and small.module is not None
                and dotted_name(small.module) == module
                and not isinstance(small.names, cst.ImportStar)
                and not has_comment(small)
                and isinstance(statement, cst.SimpleStatementLine)
            ):
                merged = _from_import(module, _merged([*_alias_names(small), *pairs]))
                statements[index] = statement.with_changes(body=[merged])
                return
        line = cst.SimpleStatementLine(body=[_from_import(module, _merged(pairs))])
        before = _sorted_position(statements, replaced, module, anchor)
        replaced[before] = [line, *replaced.get(before, [statements[before]])]

    @staticmethod
    def _assemble(
        statements: list[cst.BaseStatement],
        replaced: dict[int, list[cst.BaseStatement]],
    ) -> tuple[list[cst.BaseStatement], list[cst.EmptyLine]]:
        """Put replacement lines in place, keeping the originals' comments.

        The first replacement line takes the original's leading lines, the
        last one its trailing comment.

        Args:
            statements: The block's statements.
            replaced: Replacement lines by index (empty: the line goes).

        Returns:
            (new statements, comment lines for the block's footer).
        """
        flat: list[cst.BaseStatement] = []
        drop: set[int] = set()
        for index, statement in enumerate(statements):
            lines = replaced.get(index)
            if lines is None:
                flat.append(statement)
            elif not lines or not isinstance(statement, cst.SimpleStatementLine):
                drop.add(len(flat))
                flat.append(statement)
            else:
                last = len(lines) - 1
                flat.extend(
                    line.with_changes(
                        leading_lines=statement.leading_lines if position == 0 else [],
                        trailing_whitespace=statement.trailing_whitespace
                        if position == last
                        else cst.TrailingWhitespace(),
                    )
                    for position, line in enumerate(lines)
                )
        return remove_statements(flat, drop)

    def visit_SimpleStatementLine(  # noqa: N802 - libcst's naming
        self, node: cst.SimpleStatementLine
    ) -> bool:
        """Leave simple lines as they are: imports keep their identity.

        Args:
            node: The line.

        Returns:
            False: its children are not visited.
        """
        del node
        return False

    def visit_SimpleStatementSuite(  # noqa: N802 - libcst's naming
        self, node: cst.SimpleStatementSuite
    ) -> bool:
        """Leave one-line bodies as they are.

        Args:
            node: The body.

        Returns:
            False: its children are not visited.
        """
        del node
        return False

    def leave_IndentedBlock(  # noqa: N802 - libcst's naming
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """Rewrite the imports of an indented block.

        Args:
            original_node: The block as parsed.
            updated_node: The block with rewritten children.

        Returns:
            The block.
        """
        del original_node
        body, footer = self._rewrite(updated_node.body)
        if not body:
            return updated_node
        return updated_node.with_changes(
            body=body, footer=[*footer, *updated_node.footer]
        )

    def leave_Module(  # noqa: N802 - libcst's naming
        self, original_node: cst.Module, updated_node: cst.Module
    ) -> cst.Module:
        """Rewrite the module's imports and add the modules new uses need.

        Args:
            original_node: The module as parsed.
            updated_node: The module with rewritten children.

        Returns:
            The module.
        """
        del original_node
        body, footer = self._rewrite(updated_node.body)
        return updated_node.with_changes(
            body=self._with_module_imports(body), footer=[*footer, *updated_node.footer]
        )

    def _with_module_imports(
        self, body: list[cst.BaseStatement]
    ) -> list[cst.BaseStatement]:
        """Add ``import collections[.abc]`` when rewritten attribute uses need it.

        Args:
            body: The module's statements.

        Returns:
            The statements, with the import before the first import (after the
            docstring and ``__future__`` imports).
        """
        needed = self._plan.needed_modules
        if not needed:
            return body
        module = "collections.abc" if "collections.abc" in needed else "collections"
        if module in self._existing or (
            module == "collections" and "collections.abc" in self._existing
        ):
            return body
        position = 0
        for index, statement in enumerate(body):
            small = _single(statement)
            if index == 0 and isinstance(small, cst.Expr):
                position = 1
            elif (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and (dotted_name(small.module) == FUTURE)
            ):
                position = index + 1
            else:
                break
        new = cst.SimpleStatementLine(
            body=[cst.Import(names=[cst.ImportAlias(name=dotted_expression(module))])]
        )
        following = body[position] if position < len(body) else None
        if isinstance(
            _single(following) if following else None, (cst.Import, cst.ImportFrom)
        ):
            new = new.with_changes(leading_lines=following.leading_lines)
            following = following.with_changes(leading_lines=[])
        elif position:
            new = new.with_changes(leading_lines=[cst.EmptyLine()])
        rest = [following] if following is not None else []
        return [*body[:position], new, *rest, *body[position + 1 :]]
