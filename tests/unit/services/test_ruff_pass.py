"""Tests for the Ruff pass of the audit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.config import Settings
from strictpy.domain.registry import CODES
from strictpy.domain.selection import Selection
from strictpy.exceptions import ExternalServiceError
from strictpy.services import ruff_pass
from strictpy.services.ruff_pass import ruff_findings, ruff_requested_explicitly

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture


def _selection(
    select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()
) -> Selection:
    """Build a selection.

    Args:
        select: Selected codes (None: all).
        ignore: Ignored codes.

    Returns:
        The selection.
    """
    return Selection.build(
        CODES, select=select, extend_select=(), ignore=ignore, per_file_ignores={}
    )


def _project(tmp_path: Path) -> list[Path]:
    """Write a file with one Ruff diagnostic and one format problem.

    Args:
        tmp_path: The project root.

    Returns:
        The files to check.
    """
    unused = tmp_path / "a.py"
    unused.write_text("import os\n", encoding="utf-8")
    unformatted = tmp_path / "b.py"
    unformatted.write_text("X=1\n", encoding="utf-8")
    return [unused, unformatted]


def test_findings_keep_ruff_codes(tmp_path: Path) -> None:
    """F401 as ruff's code, SP813 for formatting, paths relative.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    files = _project(tmp_path)
    found, notice = ruff_findings(tmp_path, files, Settings(), _selection(), {})
    assert notice is None
    assert sorted((f.code, f.path, f.source) for f in found) == [
        ("F401", "a.py", "ruff"),
        ("SP813", "b.py", "ruff"),
    ]


def test_selection_and_setting_turn_it_off(tmp_path: Path) -> None:
    """Ignoring SP813 keeps SP812; ruff=False runs nothing.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    files = _project(tmp_path)
    found, _ = ruff_findings(
        tmp_path, files, Settings(), _selection(ignore=("SP813",)), {}
    )
    assert [f.code for f in found] == ["F401"]
    off = Settings().model_copy(update={"ruff": False})
    assert ruff_findings(tmp_path, files, off, _selection(), {}) == ([], None)
    only_sp1 = _selection(select=("SP1",))
    assert ruff_findings(tmp_path, files, Settings(), only_sp1, {}) == ([], None)


def test_failure_is_a_notice_by_default(mocker: MockerFixture, tmp_path: Path) -> None:
    """Ruff missing: a notice, no findings, no exception.

    Args:
        mocker: pytest-mock's fixture.
        tmp_path: A temporary folder (the project root).
    """
    mocker.patch.object(
        ruff_pass,
        "run_ruff",
        side_effect=ExternalServiceError("the ruff executable was not found"),
    )
    found, notice = ruff_findings(
        tmp_path, _project(tmp_path), Settings(), _selection(), {}
    )
    assert found == []
    assert notice is not None
    assert "not found" in notice
    assert "SP812" in notice


def test_failure_raises_when_asked_explicitly(
    mocker: MockerFixture, tmp_path: Path
) -> None:
    """Ruff explicitly selected: the failure is an error.

    Args:
        mocker: pytest-mock's fixture.
        tmp_path: A temporary folder (the project root).
    """
    mocker.patch.object(ruff_pass, "run_ruff", side_effect=ExternalServiceError("boom"))
    settings = Settings().model_copy(update={"select": ("SP812",)})
    with pytest.raises(ExternalServiceError, match="boom"):
        ruff_findings(
            tmp_path, _project(tmp_path), settings, _selection(("SP812",)), {}
        )


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        ({}, False),
        ({"ruff": True}, True),
        ({"ruff": False}, False),
        ({"select": ("SP8",)}, False),
        ({"select": ("SP812",)}, True),
        ({"extend_select": ("SP813",)}, True),
    ],
)
def test_requested_explicitly(update: dict[str, object], expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Only an explicit ruff=true or a named SP812/SP813 counts.

    Args:
        update: Settings values set explicitly.
        expected: Whether Ruff was asked for.
    """
    settings = Settings().model_copy(update=update)
    assert ruff_requested_explicitly(settings) is expected


def test_unparsable_file_hides_nothing(tmp_path: Path) -> None:
    """A syntax error in one file neither drops Ruff's findings nor adds SP813.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    files = _project(tmp_path)
    broken = tmp_path / "broken.py"
    broken.write_text("def broken(:\n    return 1\n", encoding="utf-8")
    found, notice = ruff_findings(
        tmp_path, [*files, broken], Settings(), _selection(), {}
    )
    assert notice is None
    assert sorted((f.code, f.path) for f in found) == [
        ("F401", "a.py"),
        ("SP813", "b.py"),
    ]
