"""Tests for the check command's rendering and baseline writing."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.api.check_command import CheckOptions, render_report, run_check
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport, AuditRequest
from strictpy.services.replay import RenderOptions

if TYPE_CHECKING:
    from pathlib import Path

REPORT = AuditReport(
    (
        Finding(
            "SP101", "todo-comment", "line :100: here", "a.py", Span(100, 1, 100, 2)
        ),
    ),
    1,
    MappingProxyType({}),
)


def test_render_concise_without_emoji() -> None:
    """Text that looks like an emoji code is printed as written."""
    text = render_report(REPORT, RenderOptions("concise"))
    assert text == b"a.py:100:1: SP101 line :100: here\n"
    assert render_report(REPORT, RenderOptions("concise", quiet=True)) == b""
    assert b"1 SP101" in render_report(
        REPORT, RenderOptions("concise", statistics=True)
    )


def test_write_baseline_then_clean_run(tmp_path: Path) -> None:
    """A written baseline accepts today's findings: the next run exits 0.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP102']\nbaseline = 'baseline.json'\n",
        encoding="utf-8",
    )
    (tmp_path / "a.py").write_text("def f() -> None:\n    pass\n", encoding="utf-8")
    request = AuditRequest((".",), no_cache=True)
    target = tmp_path / "baseline.json"
    code, _, status = run_check(
        CheckOptions(request, RenderOptions("json"), write_baseline=target), tmp_path
    )
    assert (code, "wrote 1 findings" in status) == (0, True)
    assert (
        json.loads(target.read_text(encoding="utf-8"))["findings"][0]["fingerprint"]
        == "pass"
    )
    code, _, _ = run_check(
        CheckOptions(request, RenderOptions("json", quiet=True)), tmp_path
    )
    assert code == 0
