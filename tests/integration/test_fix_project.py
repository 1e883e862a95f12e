"""``strictpy check --fix`` on a realistic non-compliant project, end to end.

The fixture ``tests/fixtures/projects/broken_shop`` has findings of every fixable
family (placeholders, typing, layout, pyproject, ignore files, an unmarked
integration test), findings no fix can repair (missing Dockerfile, README...)
and a file that does not parse (SP000), which must stay byte for byte.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.adapters.ruff_runner import find_ruff
from strictpy.api.cli import app
from strictpy.services.fix_plan import FIX_CODES
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
FIXTURE = FIXTURES / "projects" / "broken_shop"
BROKEN = "src/shop/services/broken.py"
# strictpy's own result cache is not part of the project.
CACHE_FOLDER = ".strictpy_cache"
EXIT_FINDINGS = 1
REMAINING = (
    ("SP505", ".env.example", None),
    ("SP705", ".env.example", None),
    ("SP705", "Dockerfile", None),
    ("SP705", "README.md", None),
    ("SP710", BROKEN, None),
    ("SP000", BROKEN, 1),
    ("SP705", "uv.lock", None),
)


def _copy(tmp_path: Path) -> Path:
    """Copy the fixture project into a fresh folder.

    Args:
        tmp_path: A fresh folder.

    Returns:
        The copy's root.
    """
    root = tmp_path / "broken_shop"
    shutil.copytree(FIXTURE, root)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    """Read every file of a project.

    Args:
        root: The project root.

    Returns:
        Relative path to bytes (strictpy's cache left out).
    """
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and CACHE_FOLDER not in path.relative_to(root).parts
    }


def _check(root: Path, *options: str) -> tuple[int, dict[str, object], str]:
    """Run ``strictpy check`` with JSON output on a project.

    Args:
        root: The project root.
        *options: Further options.

    Returns:
        (exit code, the JSON document, stderr).
    """
    result = RUNNER.invoke(app, ["check", "--format", "json", *options, str(root)])
    return result.exit_code, json.loads(result.stdout), result.stderr


def _findings(document: dict[str, object]) -> list[tuple[str, str, int | None]]:
    """Return (code, path, line) of a JSON document's findings.

    Args:
        document: The JSON report.

    Returns:
        The triples, in report order.
    """
    findings = document["findings"]
    assert isinstance(findings, list)
    return [(f["code"], f["path"], f["line"]) for f in findings]


def test_fix_repairs_everything_fixable(tmp_path: Path) -> None:
    """Every fixable finding goes; exactly the unfixable ones remain; SP000 stays.

    Args:
        tmp_path: A fresh folder for the copy.
    """
    root = _copy(tmp_path)
    _, before, _ = _check(root, "--no-ruff")
    fixable = [code for code, _, _ in _findings(before) if code in FIX_CODES]
    assert len(fixable) > len(REMAINING)
    code, after, stderr = _check(root, "--no-ruff", "--fix")
    assert code == EXIT_FINDINGS
    assert _findings(after) == list(REMAINING)
    summary = after["summary"]
    assert isinstance(summary, dict)
    assert summary["fixed"] == len(fixable)
    assert f"fixed {len(fixable)} findings" in stderr
    assert (root / BROKEN).read_bytes() == (FIXTURE / BROKEN).read_bytes()


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    """``--fix`` is idempotent: the second run fixes nothing and writes nothing.

    Args:
        tmp_path: A fresh folder for the copy.
    """
    root = _copy(tmp_path)
    _check(root, "--no-ruff", "--fix")
    fixed_once = _snapshot(root)
    _, again, stderr = _check(root, "--no-ruff", "--fix")
    summary = again["summary"]
    assert isinstance(summary, dict)
    assert summary["fixed"] == 0
    assert "fixed 0 findings in 0 files" in stderr
    assert _snapshot(root) == fixed_once


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    """``--fix --diff`` shows every change as a unified diff and leaves the files.

    Args:
        tmp_path: A fresh folder for the copy.
    """
    root = _copy(tmp_path)
    original = _snapshot(root)
    result = RUNNER.invoke(app, ["check", "--no-ruff", "--fix", "--diff", str(root)])
    assert result.exit_code == EXIT_FINDINGS
    assert "--- a/broken_shop/src/shop/services/orders.py\n" not in result.stdout
    assert "+++ b/src/shop/services/orders.py\n" in result.stdout
    assert "--- /dev/null\n+++ b/src/shop/config.py\n" in result.stdout
    assert "-    pass\n" in result.stdout
    assert "would change; nothing was written" in result.stderr
    assert _snapshot(root) == original


@pytest.mark.skipif(find_ruff() is None, reason="ruff is not installed")
def test_fix_with_ruff_formats_what_it_changes(tmp_path: Path) -> None:
    """With Ruff on, fixed files are formatted: no SP813 remains, twice over.

    Args:
        tmp_path: A fresh folder for the copy.
    """
    root = _copy(tmp_path)
    (root / BROKEN).unlink()
    (root / "src/shop/services/ugly.py").write_text(
        '"""Ugly."""\n\nVALUE=[1,2]\n', encoding="utf-8"
    )
    _check(root, "--fix")
    formatted = _snapshot(root)
    _, after, _ = _check(root, "--fix")
    codes = {code for code, _, _ in _findings(after)}
    assert "SP813" not in codes
    assert not codes & (FIX_CODES - {"SP813"})
    assert formatted["src/shop/services/ugly.py"] == b'"""Ugly."""\n\nVALUE = [1, 2]\n'
    assert _snapshot(root) == formatted
