"""Tests for SP102's fix: ``pass`` goes where the block keeps a statement."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.placeholder_fixes import drop_passes, drop_passes_in_suite
from tests.unit.domain.fixes.fix_helpers import fix_source

CODES = frozenset({"SP102"})


def test_pass_after_docstring_is_dropped() -> None:
    """A class with a docstring keeps only the docstring."""
    source = '"""M."""\n\n\nclass A:\n    """Doc."""\n\n    pass\n\n\nX = 1\n'
    assert fix_source(source, codes=CODES) == source.replace("\n    pass\n", "")


def test_lone_pass_stays() -> None:
    """A block whose only statement is ``pass`` cannot be fixed safely."""
    source = '"""M."""\n\n\ndef f() -> None:\n    """F."""\n    if f:\n        pass\n'
    assert fix_source(source, codes=CODES) is None


def test_comments_are_kept() -> None:
    """Comments above and after ``pass`` stay in the block."""
    source = (
        '"""M."""\n\n\nclass A:\n    """Doc."""\n\n    # nothing yet\n'
        "    pass  # really nothing\n"
    )
    assert fix_source(source, codes=CODES) == (
        '"""M."""\n\n\nclass A:\n    """Doc."""\n\n    # nothing yet\n'
        "    # really nothing\n"
    )


def test_semicolon_lines_and_one_line_bodies() -> None:
    """``x = 1; pass`` and ``class A: '''D.'''; pass`` lose the ``pass`` only."""
    source = '"""M."""\n\nx = 1; pass\n\n\nclass A: """D."""; pass\n'
    assert (
        fix_source(source, codes=CODES) == '"""M."""\n\nx = 1\n\n\nclass A: """D."""\n'
    )


def test_module_level_pass_goes() -> None:
    """A module may end up with its docstring only."""
    assert fix_source('"""M."""\n\npass\n', codes=CODES) == '"""M."""\n'


def test_unmarked_blocks_are_not_rebuilt() -> None:
    """Without marked statements nothing changes."""
    body = list(cst.parse_module("x = 1\npass\n").body)
    assert drop_passes(body, set(), allow_empty=False) is None
    only = list(cst.parse_module("pass\n").body)
    marked = {id(only[0].body[0])}  # type: ignore[attr-defined]
    assert drop_passes(only, marked, allow_empty=False) is None
    assert drop_passes(only, marked, allow_empty=True) == ([], [])
    suite = cst.SimpleStatementSuite(body=[cst.Pass()])
    assert drop_passes_in_suite(suite, {id(suite.body[0])}) is None
