"""Tests for the audit service over real folders."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pytest

from strictpy.adapters import worker_processes
from strictpy.adapters.cache_store import CACHE_DIR, CACHE_FORMAT
from strictpy.adapters.worker_processes import PARALLEL_MIN_FILES
from strictpy.exceptions import ConfigurationError, NotFoundError
from strictpy.services import audit
from strictpy.services.audit import AuditRequest, run_audit

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

CLEAN = '"""Clean module."""\n\n\ndef run() -> None:\n    """Run."""\n'
DIRTY = '"""Dirty module."""\n\n\ndef run():\n    """Run."""\n    pass\n'


def _project(root: Path, files: dict[str, str]) -> None:
    """Write a small project.

    Args:
        root: The folder.
        files: Relative path to text.
    """
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_findings_are_sorted_and_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paths are relative to the project root; findings are sorted.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    _project(
        tmp_path,
        {
            "pyproject.toml": "[tool.strictpy]\nselect = ['SP1', 'SP2']\n",
            "src/app/b.py": DIRTY,
            "src/app/a.py": CLEAN,
        },
    )
    report = run_audit(AuditRequest(("src",)), tmp_path)
    assert report.files_checked == len(["a.py", "b.py"])
    assert [(f.path, f.line, f.code) for f in report.findings] == [
        ("src/app/b.py", 4, "SP202"),
        ("src/app/b.py", 6, "SP102"),
    ]


def test_parallel_and_serial_runs_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker processes give exactly the in-process result.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    files = {f"pkg/m{index}.py": DIRTY if index % 3 else CLEAN for index in range(80)}
    _project(
        tmp_path,
        {"pyproject.toml": "[tool.strictpy]\nselect = ['SP1', 'SP2']\n", **files},
    )
    serial = run_audit(AuditRequest((".",), jobs=1), tmp_path)
    parallel = run_audit(AuditRequest((".",), jobs=2), tmp_path)
    assert serial.findings == parallel.findings
    assert serial.files_checked == parallel.files_checked == len(files)


def test_unknown_code_and_missing_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Configuration and path errors surface as application errors.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError, match="SP998"):
        run_audit(AuditRequest((".",), {"select": ("SP998",)}), tmp_path)
    with pytest.raises(NotFoundError, match="nowhere"):
        run_audit(AuditRequest(("nowhere",)), tmp_path)


class EarlyStartCase(NamedTuple):
    """One situation for the early start of the workers' server.

    Attributes:
        jobs: Worker processes allowed.
        no_cache: Whether the cache is disabled.
        cached: Whether the root has a cache file.
        requested: The path the user names.
        expected: Whether the server should start early.
    """

    jobs: int
    no_cache: bool
    cached: bool
    requested: str
    expected: bool


@pytest.mark.parametrize(
    "case",
    [
        EarlyStartCase(2, no_cache=True, cached=False, requested=".", expected=True),
        EarlyStartCase(2, no_cache=False, cached=False, requested=".", expected=True),
        EarlyStartCase(2, no_cache=False, cached=True, requested=".", expected=False),
        EarlyStartCase(2, no_cache=True, cached=True, requested=".", expected=True),
        EarlyStartCase(1, no_cache=True, cached=False, requested=".", expected=False),
        EarlyStartCase(
            2, no_cache=True, cached=False, requested="pkg/m1.py", expected=False
        ),
    ],
    ids=[
        "no-cache",
        "cold",
        "cache-present",
        "no-cache-beats-cache",
        "one-job",
        "one-file",
    ],
)
def test_worker_server_starts_early_only_for_likely_parallel_runs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mocker: MockerFixture,
    case: EarlyStartCase,
) -> None:
    """The workers' server starts before discovery when workers will likely run.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the working directory for the test.
        mocker: Replaces the server start.
        case: The situation and the expected decision.
    """
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, {"pyproject.toml": "", "pkg/m1.py": CLEAN})
    if case.cached:
        cache = tmp_path / CACHE_DIR / f"results-v{CACHE_FORMAT}.json"
        cache.parent.mkdir()
        cache.write_text("{}", encoding="utf-8")
    start = mocker.patch.object(worker_processes, "start_worker_server")
    request = AuditRequest((case.requested,), jobs=case.jobs, no_cache=case.no_cache)
    run_audit(request, tmp_path)
    assert start.called is case.expected


def test_many_files_named_one_by_one_start_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mocker: MockerFixture
) -> None:
    """Naming enough files one by one (as pre-commit does) counts like a folder.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the working directory for the test.
        mocker: Replaces the server start.
    """
    monkeypatch.chdir(tmp_path)
    names = [f"pkg/m{index}.py" for index in range(PARALLEL_MIN_FILES)]
    _project(tmp_path, {"pyproject.toml": "", **dict.fromkeys(names, CLEAN)})
    start = mocker.patch.object(worker_processes, "start_worker_server")
    run_audit(AuditRequest(tuple(names), jobs=2, no_cache=True), tmp_path)
    assert start.called


@pytest.mark.parametrize(("can_lead", "expected"), [(True, False), (False, True)])
def test_no_server_when_the_preloaded_worker_can_lead_the_pool(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mocker: MockerFixture,
    *,
    can_lead: bool,
    expected: bool,
) -> None:
    """A cold folder run starts the server only if the worker cannot lead.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the working directory for the test.
        mocker: Replaces the server start and the worker's answer.
        can_lead: Whether the worker forked at launch can lead a pool of two.
        expected: Whether the server is started.
    """
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, {"pyproject.toml": "", "pkg/m1.py": CLEAN})
    start = mocker.patch.object(worker_processes, "start_worker_server")
    lead = mocker.patch.object(audit, "can_lead_pool", return_value=can_lead)
    run_audit(AuditRequest((".",), jobs=2, no_cache=True), tmp_path)
    assert start.called is expected
    lead.assert_called_once_with(2)
