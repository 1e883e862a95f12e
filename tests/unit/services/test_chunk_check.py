"""Tests for checking a chunk of files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.rule_catalog import CODES, FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services.chunk_check import check_chunk, warm_up
from strictpy.services.file_plan import FilePlan

if TYPE_CHECKING:
    from pathlib import Path

PLAN = FilePlan(
    FILE_CODES,
    Selection.build(
        CODES, select=["SP102"], extend_select=(), ignore=(), per_file_ignores={}
    ),
    RuleOptions("app"),
    collect_facts=False,
)


def test_one_result_per_file_in_chunk_order(tmp_path: Path) -> None:
    """Each file gets its own result, its findings from the plan's rules.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (tmp_path / "a.py").write_text("def f() -> None:\n    pass\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("x = 1\n", encoding="utf-8")
    chunk = [(str(tmp_path / name), name) for name in ("b.py", "a.py")]
    results = check_chunk(chunk, PLAN)
    assert [r.path for r in results] == ["b.py", "a.py"]
    assert [[(f.code, f.line) for f in r.findings] for r in results] == [
        [],
        [("SP102", 2)],
    ]


def test_unreadable_file_is_sp000(tmp_path: Path) -> None:
    """A file that vanished is one SP000, not a crash.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (result,) = check_chunk([(str(tmp_path / "gone.py"), "gone.py")], PLAN)
    assert [f.code for f in result.findings] == ["SP000"]
    assert result.facts is None


def test_warm_up_checks_real_code_with_every_rule() -> None:
    """The warm-up runs the whole engine on this package's own source."""
    result = warm_up()
    assert result.path == "warm_up.py"
    assert result.facts is not None
    assert result.facts.imports
    assert not [f for f in result.findings if f.code == "SP000"]
