"""Tests for auditing one root: pre-commit style file lists still run project rules."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.cache_store import CacheContents, load_cache, save_cache
from strictpy.domain.findings import Finding
from strictpy.domain.results import FileResult
from strictpy.services import root_audit
from strictpy.services.audit import AuditRequest
from strictpy.services.root_audit import _kept_paths, _segment_digests, audit_root

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytest_mock import MockerFixture

DIRTY = '"""Dirty."""\n\n\ndef run() -> None:\n    """Run."""\n    pass\n'


def test_named_files_report_only_themselves_but_project_rules_run(
    tmp_path: Path,
) -> None:
    """File findings are limited to named files; project findings still appear.

    Args:
        tmp_path: pytest's temporary folder.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP102', 'SP705']\n", encoding="utf-8"
    )
    (tmp_path / "a.py").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.py").write_text(DIRTY, encoding="utf-8")
    outcome = audit_root(
        tmp_path, [tmp_path / "a.py"], AuditRequest(("a.py",), no_cache=True)
    )
    paths = {(finding.path, finding.code) for finding in outcome.findings}
    assert ("a.py", "SP102") in paths
    assert ("b.py", "SP102") not in paths
    assert any(code == "SP705" for _, code in paths)
    assert outcome.files_checked == 1
    assert outcome.inputs.fingerprint


def test_the_whole_root_requested_is_discovered_once(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """Requesting the root walks it once; a sub-folder is discovered on its own.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Counts the discoveries.
    """
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.py").write_text(DIRTY, encoding="utf-8")
    discover = mocker.spy(root_audit, "discover_python_files")
    whole = audit_root(tmp_path, [tmp_path], AuditRequest((".",), no_cache=True))
    assert discover.call_count == 1
    assert whole.files_checked == len(["pkg/a.py", "b.py"])
    part = audit_root(
        tmp_path, [tmp_path / "pkg"], AuditRequest(("pkg",), no_cache=True)
    )
    assert discover.call_count == 1 + len(["everything", "wanted"])
    assert part.files_checked == 1


def test_kept_paths_need_an_untouched_entry_and_the_same_fingerprint(
    tmp_path: Path,
) -> None:
    """Only untouched cache entries whose segment fingerprint matches are kept.

    Args:
        tmp_path: Where a cache is written and read back.
    """
    result = FileResult("a.py", (), None, ())
    save_cache(
        tmp_path,
        CacheContents(
            "k",
            MappingProxyType(dict.fromkeys(("a.py", "b.py"), ("h", result, ()))),
        ),
    )
    loaded = load_cache(tmp_path, "k")
    assert loaded is not None
    entries = {**loaded.files, "c.py": ("h", result, ())}
    keep = {"a.py": "h", "b.py": "other", "c.py": "h"}
    now = {"a.py": "h", "b.py": "h", "c.py": "h"}
    # b.py: the last segment was made from other inputs; c.py: checked anew.
    assert _kept_paths(entries, keep, now) == {"a.py"}


def test_segment_fingerprints_follow_project_findings() -> None:
    """A project finding landing on a file changes its segment's fingerprint."""
    digests = {"a.py": (Path("a.py"), "h"), "b.py": (Path("b.py"), "h")}
    wanted = {"a.py", "b.py"}
    long_module = Finding("SP709", "module-too-long", "701 lines", "a.py")
    longer_module = Finding("SP709", "module-too-long", "702 lines", "a.py")
    plain = _segment_digests(digests, wanted, [])
    flagged = _segment_digests(digests, wanted, [long_module])
    assert plain == {"a.py": "h", "b.py": "h"}
    assert flagged["b.py"] == "h"
    assert len({plain["a.py"], flagged["a.py"]}) == len(("plain", "flagged"))
    assert _segment_digests(digests, wanted, [longer_module]) != flagged


class InlineExecutor:
    """Runs what is submitted at once, so the order of events is the call order."""

    def __init__(self, **options: object) -> None:
        """Accept the executor's options.

        Args:
            **options: Ignored.
        """
        del options

    def submit[T](self, function: Callable[..., T], *arguments: object) -> Future[T]:
        """Run the function now.

        Args:
            function: What to run.
            *arguments: Its arguments.

        Returns:
            A future holding its result.
        """
        future: Future[T] = Future()
        future.set_result(function(*arguments))
        return future

    def __enter__(self) -> InlineExecutor:
        """Use the executor.

        Returns:
            Itself.
        """
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Nothing to shut down.

        Args:
            *exc_info: The exception leaving the block, if any.
        """


def test_ruff_starts_once_the_main_process_work_is_done(
    tmp_path: Path, mocker: MockerFixture
) -> None:
    """The files are handed out, the main process works, and only then Ruff runs.

    Args:
        tmp_path: pytest's temporary folder.
        mocker: Stands in for the file pass.
    """
    events: list[str] = []

    def file_pass(
        misses: object,
        plan: object,
        jobs: int,
        progress: object,
        meanwhile: Callable[[], object],
    ) -> list[FileResult]:
        """Hand out, let the main process work, then wait for results.

        Args:
            misses: The files.
            plan: The plan.
            jobs: The workers.
            progress: The progress callback.
            meanwhile: The main process's work.

        Returns:
            No results.
        """
        del misses, plan, jobs, progress
        events.append("handed out")
        meanwhile()
        events.append("results")
        return []

    def ruff_run(paths: list[Path]) -> tuple[list[Finding], None]:
        """Record Ruff's run.

        Args:
            paths: The files.

        Returns:
            No findings.
        """
        events.append(f"ruff {len(paths)}")
        return [], None

    mocker.patch.object(root_audit, "check_files", side_effect=file_pass)
    mocker.patch.object(root_audit, "ThreadPoolExecutor", InlineExecutor)
    misses = [(str(tmp_path / "a.py"), "a.py")]
    results, outcome = root_audit._check_with_ruff(
        misses,
        mocker.sentinel.plan,
        AuditRequest((".",), jobs=2),
        ruff_run,
        lambda: events.append("meanwhile"),
    )
    assert (results, outcome) == ([], ([], None))
    assert events == ["handed out", "meanwhile", "ruff 1", "results"]
