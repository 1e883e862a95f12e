"""Tests for ``--fix`` end to end on small projects (Ruff off for speed)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from strictpy.exceptions import NotFoundError
from strictpy.services.audit import AuditRequest
from strictpy.services.fix_plan import FileChange
from strictpy.services.fixing import RootChange, fix_project, unified_diff

PASSING = '"""M."""\n\n\nclass A:\n    """Doc."""\n\n    pass\n'
FIXED = '"""M."""\n\n\nclass A:\n    """Doc."""\n'
MODULE = "src/app/services/orders.py"
PRIVATE = 0o600
MARKER = "imported.txt"
# Importing this module would leave a marker file: the fix must never run it.
EVIL = f'''"""M."""

from pathlib import Path

Path(__file__).with_name("{MARKER}").write_text("ran")


class A:
    """Doc."""

    pass
'''


def _project(root: Path, files: dict[str, str]) -> None:
    """Write a small project.

    Args:
        root: The project root.
        files: Relative path to text (a pyproject is added).
    """
    files = {"pyproject.toml": '[project]\nname = "app"\n', **files}
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _request(*codes: str, path: str = ".") -> AuditRequest:
    """Build a request that selects some codes and leaves Ruff out.

    Args:
        *codes: The codes to select.
        path: The path to check.

    Returns:
        The request.
    """
    return AuditRequest((path,), {"select": codes, "ruff": False}, jobs=1)


def test_fix_writes_and_reports(tmp_path: Path) -> None:
    """The file is fixed, permissions stay, ``fixed`` counts, a rerun does nothing.

    Args:
        tmp_path: The project root.
    """
    _project(tmp_path, {MODULE: PASSING})
    (tmp_path / MODULE).chmod(PRIVATE)
    outcome = fix_project(_request("SP102"), tmp_path, diff_only=False)
    assert outcome.written
    assert outcome.report.fixed == 1
    assert outcome.report.findings == ()
    assert (tmp_path / MODULE).read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE((tmp_path / MODULE).stat().st_mode) == PRIVATE
    again = fix_project(_request("SP102"), tmp_path, diff_only=False)
    assert (again.changes, again.report.fixed) == ((), 0)


def test_diff_writes_nothing(tmp_path: Path) -> None:
    """``--diff`` shows the change and leaves the file as it was.

    Args:
        tmp_path: The project root.
    """
    _project(tmp_path, {MODULE: PASSING})
    outcome = fix_project(_request("SP102"), tmp_path, diff_only=True)
    assert not outcome.written
    assert f"--- a/{MODULE}\n+++ b/{MODULE}\n" in outcome.diff
    assert "-    pass\n" in outcome.diff
    assert (tmp_path / MODULE).read_text(encoding="utf-8") == PASSING
    assert [f.code for f in outcome.report.findings] == ["SP102"]


def test_audited_code_is_never_imported(tmp_path: Path) -> None:
    """A module with import-time effects is fixed without running it.

    Args:
        tmp_path: The project root.
    """
    _project(tmp_path, {"src/app/evil.py": EVIL})
    fix_project(_request("SP102"), tmp_path, diff_only=False)
    assert "pass" not in (tmp_path / "src/app/evil.py").read_text(encoding="utf-8")
    assert not (tmp_path / "src/app" / MARKER).exists()
    assert "app.evil" not in sys.modules


def test_symlinked_ignore_file_is_not_written(tmp_path: Path) -> None:
    """A ``.gitignore`` linked to a file outside the project stays untouched.

    Args:
        tmp_path: A folder holding the project and the outside file.
    """
    root = tmp_path / "project"
    outside = tmp_path / "bashrc"
    outside.write_text("export PATH=/bin\n", encoding="utf-8")
    _project(root, {"src/app/__init__.py": '"""App."""\n'})
    (root / ".gitignore").symlink_to(outside)
    outcome = fix_project(_request("SP920"), root, diff_only=False)
    assert outside.read_text(encoding="utf-8") == "export PATH=/bin\n"
    assert outcome.report.fixed == 0
    assert any("symbolic link" in notice for notice in outcome.report.notices)


def test_missing_paths_are_errors(tmp_path: Path) -> None:
    """A path that does not exist is a usage error, as for ``check``.

    Args:
        tmp_path: An empty folder.
    """
    with pytest.raises(NotFoundError):
        fix_project(_request("SP102", path="missing"), tmp_path, diff_only=False)


def test_unified_diff_of_new_files() -> None:
    """A created file is shown against ``/dev/null``."""
    change = RootChange(
        Path(), "tests/conftest.py", FileChange("tests/conftest.py", None, b"x\n")
    )
    assert unified_diff([change]) == (
        "--- /dev/null\n+++ b/tests/conftest.py\n@@ -0,0 +1 @@\n+x\n"
    )
