"""A real ``strictpy check`` after a one-file edit hands that file to the preloaded worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import preloaded_worker
from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not preloaded_worker._can_fork(),
        reason="the worker is forked on Linux with two cores only",
    ),
]

TIMEOUT_SECONDS = 120
CLEAN = '"""Module {index}."""\n\nVALUE_{index} = {index}\n'
DIRTY = '"""Module."""\n\n\ndef run(value):\n    """Run."""\n    pass\n'
HANDED_OVER = "{count} files checked by the preloaded worker"
POOLED = "{count} files checked by the preloaded worker and 1 helpers"


def _check(root: Path, *arguments: str) -> tuple[int, dict[str, object], str]:
    """Run ``python -m strictpy check`` on a project, with debug logs.

    Args:
        root: The project.
        *arguments: Extra options.

    Returns:
        The exit code, the JSON report and standard error.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STRICTPY_")
    }
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "strictpy",
            "check",
            ".",
            "--format",
            "json",
            "--no-ruff",
            *arguments,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT_SECONDS,
        env={**environment, "STRICTPY_LOG_LEVEL": "DEBUG"},
    )
    return completed.returncode, json.loads(completed.stdout), completed.stderr


def _package(root: Path) -> Path:
    """Start a project with a ``shop`` package.

    Args:
        root: The project's folder.

    Returns:
        The package folder.
    """
    (root / "pyproject.toml").write_text(
        '[project]\nname = "shop"\nversion = "0.1.0"\n', encoding="utf-8"
    )
    package = root / "src" / "shop"
    package.mkdir(parents=True)
    return package


def test_edited_file_is_checked_by_the_worker_and_the_report_is_exact(
    tmp_path: Path,
) -> None:
    """The edit is found; the report equals an in-process run without cache.

    Args:
        tmp_path: A fresh folder for the project.
    """
    package = _package(tmp_path)
    for index in range(5):
        (package / f"m{index}.py").write_text(
            CLEAN.format(index=index), encoding="utf-8"
        )
    _, first, first_log = _check(tmp_path, "--jobs", "2")
    assert HANDED_OVER.format(count=5) in first_log
    (package / "m3.py").write_text(DIRTY, encoding="utf-8")
    code, edited, log = _check(tmp_path, "--jobs", "2")
    assert HANDED_OVER.format(count=1) in log
    expected_code, expected, expected_log = _check(
        tmp_path, "--jobs", "1", "--no-cache"
    )
    assert "preloaded worker" not in expected_log
    assert (code, edited) == (expected_code, expected)
    assert edited != first
    findings = edited["findings"]
    assert isinstance(findings, list)
    assert {f["code"] for f in findings if f["path"] == "src/shop/m3.py"} >= {
        "SP102",
        "SP201",
    }


def test_a_pool_is_the_preloaded_worker_and_a_helper_and_the_report_is_exact(
    tmp_path: Path,
) -> None:
    """Enough files for a pool: the worker forks a helper; nothing differs.

    Args:
        tmp_path: A fresh folder for the project.
    """
    package = _package(tmp_path)
    count = PARALLEL_MIN_FILES + 6
    for index in range(count):
        body = DIRTY if index % 5 == 0 else CLEAN.format(index=index)
        (package / f"m{index}.py").write_text(body, encoding="utf-8")
    code, pooled, log = _check(tmp_path, "--jobs", "2", "--no-cache")
    assert POOLED.format(count=count) in log
    expected_code, expected, expected_log = _check(
        tmp_path, "--jobs", "1", "--no-cache"
    )
    assert "preloaded worker" not in expected_log
    assert (code, pooled) == (expected_code, expected)
    findings = pooled["findings"]
    assert isinstance(findings, list)
    assert {f["path"] for f in findings if f["code"] == "SP201"} == {
        f"src/shop/m{index}.py" for index in range(0, count, 5)
    }
