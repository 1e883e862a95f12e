"""Two ``strictpy check`` processes on the same tree at once share the cache safely."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.cache_store import CACHE_DIR

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TIMEOUT_SECONDS = 300
EXIT_FINDINGS = 1
MODULES = 40
DIRTY = (
    '"""Module {index}."""\n\n\n'
    "def run_{index}(value):\n"
    '    """Run.\n\n    Args:\n        value: A value.\n    """\n'
    "    pass\n"
)


def _command() -> list[str]:
    """Return the command line of one check.

    Returns:
        ``python -m strictpy check`` with JSON output and the cache on.
    """
    return [
        sys.executable,
        "-m",
        "strictpy",
        "check",
        "--format",
        "json",
        "--jobs",
        "2",
    ]


def _environment() -> dict[str, str]:
    """Return the environment of the checks, without this test run's overrides.

    Returns:
        The environment.
    """
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STRICTPY_")
    }


def test_two_processes_at_once_agree_and_a_third_replays(tmp_path: Path) -> None:
    """Both concurrent runs exit 1 with identical output; the next run replays it.

    Args:
        tmp_path: The project folder.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP1', 'SP2']\n", encoding="utf-8"
    )
    for index in range(MODULES):
        (tmp_path / f"module_{index}.py").write_text(
            DIRTY.format(index=index), encoding="utf-8"
        )
    processes = [
        subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
            _command(),
            cwd=tmp_path,
            env=_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=TIMEOUT_SECONDS) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == EXIT_FINDINGS, stderr.decode(errors="replace")
        assert not stderr, stderr.decode(errors="replace")
    first, second = (stdout for stdout, _ in outputs)
    assert first == second
    assert b'"SP102"' in first
    assert (tmp_path / CACHE_DIR).is_dir()
    third = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        _command(),
        cwd=tmp_path,
        env=_environment(),
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert third.returncode == EXIT_FINDINGS, third.stderr.decode(errors="replace")
    assert third.stdout == first
    leftovers = [
        path.name
        for path in (tmp_path / CACHE_DIR).iterdir()
        if path.name.startswith(".tmp-")
    ]
    assert not leftovers, leftovers
