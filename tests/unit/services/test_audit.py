"""Tests for the audit service over real folders."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.exceptions import ConfigurationError, NotFoundError
from strictpy.services.audit import AuditRequest, run_audit

if TYPE_CHECKING:
    from pathlib import Path

CLEAN = '"""Clean module."""\n\n\ndef run() -> None:\n    """Run."""\n'
DIRTY = '"""Dirty module."""\n\n\ndef run():\n    """Run."""\n    pass\n'


def _project(root: Path, files: dict[str, str]) -> None:
    """Write a small project.

    Args:
        root: The folder.
        files: Relative path to text.
    """
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_findings_are_sorted_and_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paths are relative to the project root; findings are sorted.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    _project(
        tmp_path,
        {
            "pyproject.toml": "[tool.strictpy]\nselect = ['SP1', 'SP2']\n",
            "src/app/b.py": DIRTY,
            "src/app/a.py": CLEAN,
        },
    )
    report = run_audit(AuditRequest(("src",)), tmp_path)
    assert report.files_checked == len(["a.py", "b.py"])
    assert [(f.path, f.line, f.code) for f in report.findings] == [
        ("src/app/b.py", 4, "SP202"),
        ("src/app/b.py", 6, "SP102"),
    ]


def test_parallel_and_serial_runs_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes give exactly the in-process result.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    files = {f"pkg/m{index}.py": DIRTY if index % 3 else CLEAN for index in range(80)}
    _project(
        tmp_path,
        {"pyproject.toml": "[tool.strictpy]\nselect = ['SP1', 'SP2']\n", **files},
    )
    serial = run_audit(AuditRequest((".",), jobs=1), tmp_path)
    parallel = run_audit(AuditRequest((".",), jobs=2), tmp_path)
    assert serial.findings == parallel.findings
    assert serial.files_checked == parallel.files_checked == len(files)


def test_unknown_code_and_missing_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Configuration and path errors surface as application errors.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError, match="SP998"):
        run_audit(AuditRequest((".",), {"select": ("SP998",)}), tmp_path)
    with pytest.raises(NotFoundError, match="nowhere"):
        run_audit(AuditRequest(("nowhere",)), tmp_path)
