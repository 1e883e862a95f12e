"""Tests for running the file pass in-process and in workers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.registry import CODES, FILE_RULES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import FilePlan
from strictpy.services.parallel_check import PARALLEL_MIN_FILES, check_files

if TYPE_CHECKING:
    from pathlib import Path

SELECTION = Selection.build(
    CODES, select=["SP102"], extend_select=(), ignore=(), per_file_ignores={}
)
PLAN = FilePlan(tuple(FILE_RULES), SELECTION, RuleOptions("app"), collect_facts=False)


def test_workers_agree_with_in_process_and_report_progress(tmp_path: Path) -> None:
    """Results are the same with two workers; progress reaches the total.

    Args:
        tmp_path: pytest's temporary folder.
    """
    files = []
    for index in range(PARALLEL_MIN_FILES + 2):
        path = tmp_path / f"m{index}.py"
        path.write_text(
            "def f() -> None:\n    pass\n" * (index % 3 + 1), encoding="utf-8"
        )
        files.append((str(path), path.name))
    seen: list[tuple[int, int]] = []
    parallel = check_files(
        files, PLAN, 2, lambda done, total: seen.append((done, total))
    )
    serial = check_files(files, PLAN, 1)
    assert sorted(parallel, key=lambda r: r.path) == sorted(
        serial, key=lambda r: r.path
    )
    assert seen[-1] == (len(files), len(files))


def test_unreadable_file_is_sp000(tmp_path: Path) -> None:
    """A file that vanished is one SP000, not a crash.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (result,) = check_files([(str(tmp_path / "gone.py"), "gone.py")], PLAN, 1)
    assert [f.code for f in result.findings] == ["SP000"]
