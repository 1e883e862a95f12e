"""Tests for SP813 not-ruff-formatted: the real ``ruff format --check``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.rules.sp8_pyproject.not_ruff_formatted import NotRuffFormatted
from strictpy.services.audit import AuditRequest, run_audit
from tests.conftest import RULE_FIXTURES, expectations

if TYPE_CHECKING:
    from pathlib import Path

    from strictpy.domain.findings import Finding

FIXTURE = RULE_FIXTURES / "sp8_pyproject" / "SP813.py"


def _format_findings(folder: Path, name: str, text: str) -> list[Finding]:
    """Write one file and audit it with SP813 only.

    Args:
        folder: The project root.
        name: The file name.
        text: The file's text.

    Returns:
        The findings.
    """
    (folder / name).write_text(text, encoding="utf-8")
    request = AuditRequest((name,), {"select": ("SP813",)}, jobs=1)
    return list(run_audit(request, folder).findings)


def test_fixture_first_changed_line(tmp_path: Path) -> None:
    """The finding points at the first line the formatter changes.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    text = FIXTURE.read_text(encoding="utf-8")
    found = _format_findings(tmp_path, "SP813.py", text)
    assert {(f.line, f.code) for f in found} == expectations(text)
    (finding,) = found
    assert (finding.name, finding.source) == ("not-ruff-formatted", "ruff")
    assert finding.message == NotRuffFormatted.MESSAGE


def test_examples(tmp_path: Path) -> None:
    """Formatted code is clean; the invalid example reports its line.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    (valid,) = NotRuffFormatted.VALID
    (invalid,) = NotRuffFormatted.INVALID
    assert _format_findings(tmp_path, "valid.py", valid.code) == []
    assert [f.line for f in _format_findings(tmp_path, "invalid.py", invalid.code)] == [
        invalid.line
    ]


def test_single_quotes_are_reformatted(tmp_path: Path) -> None:
    """The ruleset's quote-style = "double" applies, not Ruff's defaults alone.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    assert [f.line for f in _format_findings(tmp_path, "q.py", "X = 'a'\n")] == [1]
