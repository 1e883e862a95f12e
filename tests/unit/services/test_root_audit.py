"""Tests for auditing one root: pre-commit style file lists still run project rules."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.cache_store import CacheContents, load_cache, save_cache
from strictpy.domain.results import FileResult
from strictpy.services.audit import AuditRequest
from strictpy.services.root_audit import _kept_paths, audit_root

if TYPE_CHECKING:
    from pathlib import Path

DIRTY = '"""Dirty."""\n\n\ndef run() -> None:\n    """Run."""\n    pass\n'


def test_named_files_report_only_themselves_but_project_rules_run(
    tmp_path: Path,
) -> None:
    """File findings are limited to named files; project findings still appear.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP102', 'SP705']\n", encoding="utf-8"
    )
    (tmp_path / "a.py").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.py").write_text(DIRTY, encoding="utf-8")
    outcome = audit_root(
        tmp_path, [tmp_path / "a.py"], AuditRequest(("a.py",), no_cache=True)
    )
    paths = {(finding.path, finding.code) for finding in outcome.findings}
    assert ("a.py", "SP102") in paths
    assert ("b.py", "SP102") not in paths
    assert any(code == "SP705" for _, code in paths)
    assert outcome.files_checked == 1
    assert outcome.inputs.fingerprint


def test_kept_paths_need_a_stored_entry_the_same_bytes_and_no_project_finding(
    tmp_path: Path,
) -> None:
    """Only untouched cache entries whose bytes match the segment are kept.

    Args:
        tmp_path: Where a one-entry cache is written and read back.
    """
    result = FileResult("a.py", (), None, ())
    save_cache(
        tmp_path,
        CacheContents(
            "k",
            MappingProxyType(
                dict.fromkeys(("a.py", "b.py", "c.py"), ("same", result, ()))
            ),
        ),
    )
    loaded = load_cache(tmp_path, "k")
    assert loaded is not None
    entries = {**loaded.files, "d.py": ("same", result, ())}
    keep = {"a.py": "same", "b.py": "other", "c.py": "same", "d.py": "same"}
    wanted = {"a.py", "b.py", "c.py", "d.py"}
    # b.py: the segment shows other bytes; c.py: a project finding lands on it;
    # d.py: checked anew this run.
    assert _kept_paths(entries, wanted, keep, {"c.py"}) == {"a.py"}
