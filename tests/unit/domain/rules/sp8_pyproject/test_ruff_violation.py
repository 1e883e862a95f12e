"""Tests for SP812 ruff-violation: the real ruff executable on fixtures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.rules.sp8_pyproject.ruff_violation import RuffViolation
from strictpy.services.audit import AuditRequest, run_audit
from tests.conftest import RULE_FIXTURES, expectations

if TYPE_CHECKING:
    from pathlib import Path

    from strictpy.domain.findings import Finding

FIXTURE = RULE_FIXTURES / "sp8_pyproject" / "SP812.py"


def _ruff_findings(
    folder: Path, name: str, text: str, **overrides: object
) -> list[Finding]:
    """Write one file into a folder and audit it with SP812 only.

    Args:
        folder: An empty folder (the project root).
        name: The file name.
        text: The file's text.
        **overrides: More settings overrides.

    Returns:
        The findings.
    """
    (folder / name).write_text(text, encoding="utf-8")
    request = AuditRequest((name,), {"select": ("SP812",), **overrides}, jobs=1)
    return list(run_audit(request, folder).findings)


def test_fixture_lines(tmp_path: Path) -> None:
    """Ruff reports exactly the fixture's marked lines, with its own codes.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    text = FIXTURE.read_text(encoding="utf-8")
    found = _ruff_findings(tmp_path, "SP812.py", text)
    assert {(f.line, "SP812") for f in found} == expectations(text)
    assert {f.code for f in found} == {"F401", "ARG001", "C416"}
    assert all(f.source == "ruff" for f in found)
    unused = next(f for f in found if f.code == "F401")
    assert unused.name == "unused-import"
    assert (unused.span.column, unused.span.end_column) == (8, 10)


def test_examples(tmp_path: Path) -> None:
    """The rule's valid example is clean; the invalid one reports its line.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    (valid,) = RuffViolation.VALID
    (invalid,) = RuffViolation.INVALID
    assert _ruff_findings(tmp_path, "valid.py", valid.code) == []
    assert [f.line for f in _ruff_findings(tmp_path, "invalid.py", invalid.code)] == [
        invalid.line
    ]


def test_ignored_per_file_and_disabled(tmp_path: Path) -> None:
    """per-file-ignores of SP812 and ruff=False both silence Ruff.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    (tmp_path / "pyproject.toml").write_text(
        '[tool.strictpy]\nper-file-ignores = { "gen/*" = ["SP812"] }\n',
        encoding="utf-8",
    )
    (tmp_path / "gen").mkdir()
    assert _ruff_findings(tmp_path, "gen/x.py", "import os\n") == []
    assert _ruff_findings(tmp_path, "y.py", "import os\n", ruff=False) == []
    assert [f.code for f in _ruff_findings(tmp_path, "z.py", "import os\n")] == ["F401"]


def test_syntax_errors_are_left_to_sp000(tmp_path: Path) -> None:
    """Ruff's invalid-syntax pseudo-diagnostics are not reported twice.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    found = _ruff_findings(tmp_path, "bad.py", "def broken(:\n")
    assert [f.code for f in found] == ["SP000"]


def test_project_config_does_not_weaken(tmp_path: Path) -> None:
    """A project ignoring F401 in [tool.ruff] still gets the ruleset's F401.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nignore = ["F401"]\n', encoding="utf-8"
    )
    assert [f.code for f in _ruff_findings(tmp_path, "a.py", "import os\n")] == ["F401"]
