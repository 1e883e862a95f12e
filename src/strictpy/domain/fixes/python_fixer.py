"""The Python fixes of one file: locate, rewrite in one pass, verify.

The file is parsed once; a read-only locating walk rides the engine's walker
(the same name resolution the rules use); positions are computed for the
located nodes only; one libcst transformation then applies every selected fix
at the lines the audit reported. The result is accepted only if libcst parses
it again and the interpreter compiles it (``compile`` builds byte code; nothing
of the file is imported or run). Line endings are kept: libcst writes new lines
with the file's own newline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import NameResolver
from strictpy.domain.analysis.positions import compute_positions
from strictpy.domain.analysis.walker import build_dispatch, walk
from strictpy.domain.fixes.annotation_fixes import returns_nothing, with_none_return
from strictpy.domain.fixes.fix_scope import FixScope
from strictpy.domain.fixes.fix_targets import FixTargets
from strictpy.domain.fixes.integration_mark_fixes import add_integration_mark
from strictpy.domain.fixes.placeholder_fixes import drop_passes, drop_passes_in_suite
from strictpy.domain.fixes.typing_fixes import (
    TypingPlan,
    TypingTransformer,
    rewrite_quoted,
)
from strictpy.domain.fixes.typing_imports import ImportRewriter

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strictpy.domain.analysis.file_info import FileInfo

__all__ = ["PYTHON_FIX_CODES", "fix_python"]

PLACEHOLDER_CODE = "SP102"
RETURN_CODE = "SP202"
TYPING_CODES = frozenset({"SP203", "SP204", "SP205"})
MARK_CODE = "SP711"
PYTHON_FIX_CODES = frozenset({PLACEHOLDER_CODE, RETURN_CODE, *TYPING_CODES, MARK_CODE})
PARSE_FAILURES = (cst.ParserSyntaxError, RecursionError, MemoryError)


class _PythonFixer(TypingTransformer):
    """Applies the selected fixes in one transformation of the module."""

    def __init__(self, targets: FixTargets, scope: FixScope, info: FileInfo) -> None:
        """Prepare the transformation.

        Args:
            targets: What the locating walk found.
            scope: The reported lines per code.
            info: The file's facts (its package places ``import pytest``).
        """
        super().__init__(TypingPlan(targets, scope), targets.resolved)
        self._targets = targets
        self._scope = scope
        self._info = info
        self._typing = any(scope.wants(code) for code in TYPING_CODES)
        self._passes: set[int] = set()
        self._typing_imports: dict[int, cst.ImportFrom] = {}
        self._module_imports: dict[int, cst.Import] = {}
        self._typing_statements = {
            id(statement) for _, statement in targets.typing_aliases
        }
        self._module_statements = {
            id(statement) for _, statement in targets.typing_modules
        }

    def leave_Pass(  # noqa: N802 - libcst's naming
        self, original_node: cst.Pass, updated_node: cst.Pass
    ) -> cst.Pass:
        """Mark a reported ``pass`` for removal by its block.

        Args:
            original_node: The statement as parsed.
            updated_node: The same statement.

        Returns:
            The statement (its block removes it).
        """
        if self._scope.allows(PLACEHOLDER_CODE, original_node):
            self._passes.add(id(updated_node))
        return updated_node

    def leave_IndentedBlock(  # noqa: N802 - libcst's naming
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        """Drop marked ``pass`` statements from a block that keeps a statement.

        Args:
            original_node: The block as parsed.
            updated_node: The block with fixed children.

        Returns:
            The block.
        """
        del original_node
        result = drop_passes(updated_node.body, self._passes, allow_empty=False)
        if result is None:
            return updated_node
        body, footer = result
        return updated_node.with_changes(
            body=body, footer=[*footer, *updated_node.footer]
        )

    def leave_SimpleStatementSuite(  # noqa: N802 - libcst's naming
        self,
        original_node: cst.SimpleStatementSuite,
        updated_node: cst.SimpleStatementSuite,
    ) -> cst.SimpleStatementSuite:
        """Drop marked ``pass`` statements from a one-line body.

        Args:
            original_node: The body as parsed.
            updated_node: The body with fixed children.

        Returns:
            The body.
        """
        del original_node
        return drop_passes_in_suite(updated_node, self._passes) or updated_node

    def leave_FunctionDef(  # noqa: N802 - libcst's naming
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        """Add ``-> None`` where SP202 was reported and the body returns nothing.

        Args:
            original_node: The function as parsed.
            updated_node: The function with fixed children.

        Returns:
            The function.
        """
        record = self._targets.functions.get(id(original_node))
        if record is None or not self._scope.allows(RETURN_CODE, original_node):
            return updated_node
        if returns_nothing(
            original_node, returns_value=record.returns_value, yields=record.yields
        ):
            return with_none_return(updated_node)
        return updated_node

    def leave_SimpleString(  # noqa: N802 - libcst's naming
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        """Rewrite legacy names inside a quoted annotation.

        Args:
            original_node: The string as parsed.
            updated_node: The same string.

        Returns:
            The string, rewritten when it is a fixable quoted annotation.
        """
        quoted = self._targets.quoted.get(id(original_node))
        if quoted is None or not self._typing:
            return updated_node
        return rewrite_quoted(self.plan, quoted, original_node) or updated_node

    def leave_ImportFrom(  # noqa: N802 - libcst's naming
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom:
        """Remember ``from typing import`` statements for the import rewrite.

        Args:
            original_node: The statement as parsed.
            updated_node: The same statement.

        Returns:
            The statement.
        """
        if id(original_node) in self._typing_statements:
            self._typing_imports[id(updated_node)] = original_node
        return updated_node

    def leave_Import(  # noqa: N802 - libcst's naming
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.Import:
        """Remember ``import typing`` statements for the import rewrite.

        Args:
            original_node: The statement as parsed.
            updated_node: The same statement.

        Returns:
            The statement.
        """
        if id(original_node) in self._module_statements:
            self._module_imports[id(updated_node)] = original_node
        return updated_node

    def leave_Module(  # noqa: N802 - libcst's naming
        self, original_node: cst.Module, updated_node: cst.Module
    ) -> cst.Module:
        """Finish: module-level ``pass``, the imports, the integration mark.

        Args:
            original_node: The module as parsed.
            updated_node: The module with fixed children.

        Returns:
            The fixed module.
        """
        del original_node
        result = drop_passes(updated_node.body, self._passes, allow_empty=True)
        if result is not None:
            body, footer = result
            updated_node = updated_node.with_changes(
                body=body, footer=[*footer, *updated_node.footer]
            )
        if self._typing:
            rewriter = ImportRewriter(
                self.plan,
                self._typing_imports,
                self._module_imports,
                frozenset(self._targets.imported_modules),
            )
            updated_node = updated_node.visit(rewriter)
        if self._scope.wants(MARK_CODE):
            bound = self._targets.bindings.get("pytest", set()) - {"pytest"}
            marked = add_integration_mark(
                updated_node,
                package=self._info.package,
                pytest_bound_elsewhere=bool(bound),
            )
            updated_node = marked or updated_node
        return updated_node


def _compiles(text: str, path: str) -> bool:
    """Tell whether fixed text is still valid Python, without running it.

    Args:
        text: The fixed source.
        path: The file's path (for messages only).

    Returns:
        True when libcst re-parses it and the interpreter compiles it.
    """
    try:
        cst.parse_module(text)
        compile(text, path, "exec", dont_inherit=True)
    except (*PARSE_FAILURES, SyntaxError, ValueError):
        return False
    return True


def fix_python(
    text: str, wanted: Mapping[str, frozenset[int]], info: FileInfo
) -> str | None:
    """Apply the Python fixes to a file's text.

    Args:
        text: The decoded source.
        wanted: Code to the lines where the audit reported it (only
            ``PYTHON_FIX_CODES`` are acted on).
        info: The file's facts.

    Returns:
        The fixed text, or None when nothing changes or the result would not
        be valid Python.
    """
    if not any(wanted.get(code) for code in PYTHON_FIX_CODES):
        return None
    try:
        module = cst.parse_module(text)
    except PARSE_FAILURES:
        return None
    ancestors: list[cst.CSTNode] = []
    names = NameResolver(info, ancestors)
    targets = FixTargets(names, ancestors)
    walk(module, build_dispatch([names, targets]), ancestors)
    positions = compute_positions(module, targets.located)
    lines = {id(node): position.start.line for node, position in positions.items()}
    fixed = module.visit(_PythonFixer(targets, FixScope(wanted, lines), info))
    new_text = fixed.code
    if new_text == text or not _compiles(new_text, info.path):
        return None
    return new_text
