"""Tests for the Ruff runner adapter."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, strategies as st

from strictpy.adapters import ruff_runner
from strictpy.adapters.ruff_runner import BATCH_CHARS, find_ruff, path_batches, run_ruff
from strictpy.exceptions import ExternalServiceError

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

CONFIG = '[lint]\nselect = ["F"]\n'


def test_find_ruff_next_to_interpreter() -> None:
    """strictpy depends on ruff, so it is installed beside the interpreter."""
    found = find_ruff()
    assert found is not None
    assert Path(found).name.startswith("ruff")


def test_check_and_format_check(tmp_path: Path) -> None:
    """Both commands run; paths come back absolute with 1-based positions.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    target = tmp_path / "a.py"
    target.write_text("import os\nx=1\n", encoding="utf-8")
    run = run_ruff(tmp_path, [target], CONFIG, check=True, format_check=True)
    (diagnostic,) = run.diagnostics
    assert (diagnostic.code, diagnostic.name, diagnostic.line, diagnostic.column) == (
        "F401",
        "unused-import",
        1,
        8,
    )
    assert diagnostic.path == target
    (unformatted,) = run.unformatted
    assert unformatted.path == target
    assert unformatted.line is not None


def test_only_what_is_asked(tmp_path: Path) -> None:
    """format_check=False skips the formatter; batches cover every file.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    files = []
    for index in range(3):
        path = tmp_path / f"m{index}.py"
        path.write_text("import os\n", encoding="utf-8")
        files.append(path)
    run = run_ruff(tmp_path, files, CONFIG, check=True, format_check=False)
    assert len(run.diagnostics) == len(files)
    assert run.unformatted == ()


def test_missing_executable(mocker: MockerFixture, tmp_path: Path) -> None:
    """No ruff anywhere: a clear error.

    Args:
        mocker: pytest-mock's fixture.
        tmp_path: A temporary folder (the project root).
    """
    mocker.patch.object(ruff_runner, "find_ruff", return_value=None)
    with pytest.raises(ExternalServiceError, match="not found"):
        run_ruff(tmp_path, [tmp_path / "a.py"], CONFIG, check=True, format_check=False)


def test_ruff_failure_reports_first_stderr_line(tmp_path: Path) -> None:
    """An invalid configuration makes ruff exit 2; its message is kept short.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    target = tmp_path / "a.py"
    target.write_text("X = 1\n", encoding="utf-8")
    with pytest.raises(ExternalServiceError, match=r"^ruff failed: ") as caught:
        run_ruff(
            tmp_path, [target], "line-length = 'x'\n", check=True, format_check=False
        )
    assert "\n" not in str(caught.value)


def test_unreadable_output(mocker: MockerFixture, tmp_path: Path) -> None:
    """Output that is not Ruff's JSON is rejected at the boundary.

    Args:
        mocker: pytest-mock's fixture.
        tmp_path: A temporary folder (the project root).
    """
    completed = subprocess.CompletedProcess([], 1, stdout=b'[{"code": 1}]', stderr=b"")
    mocker.patch.object(ruff_runner.subprocess, "run", return_value=completed)
    with pytest.raises(ExternalServiceError, match="cannot read"):
        run_ruff(tmp_path, [tmp_path / "a.py"], CONFIG, check=True, format_check=False)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (subprocess.TimeoutExpired(["ruff"], 1), "did not finish"),
        (PermissionError(13, "Permission denied"), "could not be started"),
    ],
)
def test_timeout_and_os_errors(
    mocker: MockerFixture, tmp_path: Path, error: Exception, message: str
) -> None:
    """A hung or unstartable ruff is an error, never a traceback.

    Args:
        mocker: pytest-mock.
        tmp_path: A folder.
        error: What subprocess.run raises.
        message: Expected part of the message.
    """
    mocker.patch.object(ruff_runner.subprocess, "run", side_effect=error)
    with pytest.raises(ExternalServiceError, match=message):
        run_ruff(tmp_path, [tmp_path / "a.py"], CONFIG, check=True, format_check=False)


def test_unparsable_file_keeps_the_other_results(tmp_path: Path) -> None:
    """``ruff format --check`` exits 2 on a syntax error; the run still counts.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    broken = tmp_path / "broken.py"
    broken.write_text("def broken(:\n    return 1\n", encoding="utf-8")
    ugly = tmp_path / "ugly.py"
    ugly.write_text("import os\nx  =  1\n", encoding="utf-8")
    run = run_ruff(tmp_path, [broken, ugly], CONFIG, check=True, format_check=True)
    assert ("F401", ugly) in {(d.code, d.path) for d in run.diagnostics}
    assert sorted((d.code, d.path.name) for d in run.unformatted) == [
        (ruff_runner.SYNTAX_ERROR, "broken.py"),
        ("unformatted", "ugly.py"),
    ]


@pytest.mark.parametrize("stdout", [b"", b"[]", b"not json", b'[{"code": 1}]'])
def test_exit_two_without_syntax_errors_is_a_failure(
    mocker: MockerFixture, tmp_path: Path, stdout: bytes
) -> None:
    """Exit code 2 is forgiven only when Ruff reports unparsable files.

    Args:
        mocker: pytest-mock's fixture.
        tmp_path: A temporary folder (the project root).
        stdout: What the failing Ruff printed.
    """
    completed = subprocess.CompletedProcess([], 2, stdout=stdout, stderr=b"boom\nmore")
    mocker.patch.object(ruff_runner.subprocess, "run", return_value=completed)
    with pytest.raises(ExternalServiceError, match=r"^ruff failed: boom$"):
        run_ruff(tmp_path, [tmp_path / "a.py"], CONFIG, check=False, format_check=True)


@given(
    lengths=st.lists(st.integers(min_value=1, max_value=BATCH_CHARS + 10), max_size=60)
)
def test_path_batches_keep_every_path_in_order_within_the_limit(
    lengths: list[int],
) -> None:
    """Batches hold every path once, in order, and respect the length limit.

    Args:
        lengths: Path lengths, some longer than the limit on their own.
    """
    files = [Path("p" * length) for length in lengths]
    batches = path_batches(files)
    assert [path for batch in batches for path in batch] == [str(f) for f in files]
    for batch in batches:
        assert batch
        assert len(batch) == 1 or sum(len(path) + 1 for path in batch) <= BATCH_CHARS


def test_hundreds_of_ordinary_paths_are_one_batch() -> None:
    """Five hundred ordinary paths make one invocation, not five."""
    files = [Path(f"src/package/module_{index}.py") for index in range(500)]
    assert len(path_batches(files)) == 1
