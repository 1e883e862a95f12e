"""Runs after an edit reuse the last report's unchanged file segments, exactly."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.adapters.cache_codec import StoredFile
from strictpy.adapters.cache_store import CACHE_DIR
from strictpy.api.cli import app

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
FIXTURE = Path(__file__).parents[1] / "fixtures" / "projects" / "broken_shop"
EDITED = "src/shop/services/catalog.py"
FORMATS = ("json", "concise", "rich", "github")


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the broken shop (file and project findings) and enter it.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: pytest's monkeypatch fixture.

    Returns:
        The project root.
    """
    root = tmp_path / "shop"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(CACHE_DIR))
    monkeypatch.chdir(root)
    return root


def _check(output_format: str, *extra: str) -> tuple[int, str]:
    """Run ``strictpy check`` without Ruff.

    Args:
        output_format: The report format.
        *extra: More options.

    Returns:
        The exit code and the output.
    """
    result = RUNNER.invoke(
        app, ["check", "--no-ruff", "--format", output_format, *extra]
    )
    return result.exit_code, result.stdout


@pytest.mark.parametrize("output_format", FORMATS)
def test_edited_run_prints_what_an_uncached_run_prints(
    shop: Path, output_format: str, mocker: MockerFixture
) -> None:
    """After an edit, kept segments make the same bytes as a run from scratch.

    Args:
        shop: The project root.
        output_format: The report format.
        mocker: Spies on decoding of cached findings.
    """
    _, before = _check(output_format)
    edited = shop / EDITED
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\n\ndef added(x):\n    return x\n",
        encoding="utf-8",
    )
    decoded = mocker.spy(StoredFile, "entry")
    code, reused = _check(output_format)
    # Some files were kept: fewer entries decoded than files cached.
    cached_files = len(list(shop.rglob("*.py")))
    assert decoded.call_count < cached_files - 1
    assert (code, reused) == _check(output_format, "--no-cache")
    # The edited file's new findings are in, not its old segment.
    assert reused != before


def test_removed_findings_leave_no_stale_segment(shop: Path) -> None:
    """A file fixed by hand disappears from the report, its counts too.

    Args:
        shop: The project root.
    """
    _check("json")
    edited = shop / EDITED
    edited.write_text('"""Catalog."""\n', encoding="utf-8")
    assert _check("json") == _check("json", "--no-cache")
    assert f'"path": "{EDITED}"' not in _check("json")[1]


def test_kept_segments_follow_a_changed_configuration(shop: Path) -> None:
    """A changed selection changes every file's findings: nothing stale is kept.

    Args:
        shop: The project root.
    """
    _check("concise")
    pyproject = shop / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8"
    )
    (shop / EDITED).write_text('"""Catalog."""\n\nX = 1\n', encoding="utf-8")
    first = _check("concise", "--ignore", "SP3")
    assert first == _check("concise", "--ignore", "SP3", "--no-cache")
    assert " SP3" not in first[1]


def test_a_new_project_finding_on_an_untouched_file_is_shown(shop: Path) -> None:
    """Deleting a test module flags the untouched module it tested (SP710).

    Args:
        shop: The project root.
    """
    _check("concise")
    (shop / "tests" / "unit" / "test_catalog.py").unlink()
    code, output = _check("concise")
    assert (code, output) == _check("concise", "--no-cache")
    assert f"{EDITED}: SP710" in output
