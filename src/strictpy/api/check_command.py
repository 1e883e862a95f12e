"""``strictpy check``: replay the last report when nothing changed, else audit and render.

The report is rendered once into memory, then written to stdout or the output
file and stored for replay, so a warm run prints exactly the same bytes.
"""

from __future__ import annotations

import importlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from rich.console import Console

from strictpy.adapters.preloaded_worker import stop_preloaded_worker
from strictpy.api.renderers import OutputFormat, renderer_for
from strictpy.api.segmented_report import (
    SegmentIndex,
    render_by_segments,
    segment_writer,
)
from strictpy.domain.baseline import baseline_counts
from strictpy.services.audit import (
    AuditRequest,
    ReusableSegments,
    group_by_root,
    run_audit,
)
from strictpy.services.replay import (
    RenderOptions,
    Replay,
    last_report,
    remember_run,
    replay_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.progress import Progress

    from strictpy.adapters.last_run_store import StoredBytes
    from strictpy.services.audit import AuditReport
    from strictpy.services.replay import LastReport, RootScan

__all__ = ["PROGRESS_MIN_FILES", "CheckOptions", "render_report", "run_check"]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
PROGRESS_MIN_FILES = 300
FILE_WIDTH = 120


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """The options of one ``strictpy check`` run.

    Attributes:
        request: The audit request.
        render: How the report is shown.
        write_baseline: A file to record today's findings in, instead of a report.
        fix: Repair the fixable findings, then report what remains.
        diff: Print the repairs as a unified diff and write nothing.
    """

    request: AuditRequest
    render: RenderOptions
    write_baseline: Path | None = None
    fix: bool = False
    diff: bool = False


def render_options(
    output_format: OutputFormat,
    output_file: Path | None,
    *,
    statistics: bool,
    exit_zero: bool,
    quiet: bool,
) -> RenderOptions:
    """Describe how the report will be shown, terminal included.

    Args:
        output_format: The report format.
        output_file: The report file, or None for stdout.
        statistics: Whether counts per code replace the findings.
        exit_zero: Whether findings still exit 0.
        quiet: Whether nothing is printed.

    Returns:
        The render options.
    """
    if output_file is not None:
        return RenderOptions(
            str(output_format),
            statistics,
            exit_zero,
            quiet,
            str(output_file),
            width=FILE_WIDTH,
        )
    console = Console()
    return RenderOptions(
        str(output_format),
        statistics,
        exit_zero,
        quiet,
        None,
        console.is_terminal,
        console.width,
    )


def _console(buffer: io.TextIOBase, render: RenderOptions) -> Console:
    """Build the console a report is rendered with, into memory.

    Args:
        buffer: Where the text goes.
        render: How the report is shown (terminal, width).

    Returns:
        The console; no emoji codes or markup are interpreted in data.
    """
    return Console(
        file=buffer,
        force_terminal=render.terminal,
        color_system="auto" if render.terminal else None,
        width=render.width,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def render_report(report: AuditReport, render: RenderOptions) -> bytes:
    """Render a report into UTF-8 bytes exactly as it will be written.

    Text is encoded as it is written: a report of 100,000 findings is held once,
    as bytes, rather than as a string and then again as its encoding.

    Args:
        report: The audit's report.
        render: How to show it.

    Returns:
        The rendered report (empty when quiet).
    """
    if render.quiet:
        return b""
    encoded = io.BytesIO()
    buffer = io.TextIOWrapper(encoded, encoding="utf-8", newline="", write_through=True)
    console = _console(buffer, render)
    output_format = OutputFormat(render.output_format)
    if render.statistics and output_format is not OutputFormat.JSON:
        # Imported only when asked for: its tables cost every run otherwise.
        statistics = importlib.import_module("strictpy.api.renderers.rich_renderer")
        statistics.render_statistics(report, console)
    else:
        renderer_for(output_format)(report, console)
    buffer.flush()
    return encoded.getvalue()


def _write(text: StoredBytes, output_file: str | None) -> None:
    """Write the report to stdout or the output file.

    Args:
        text: The rendered report.
        output_file: The report file, or None for stdout.
    """
    if output_file is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
    else:
        Path(output_file).write_bytes(text)


def _progress_reporter() -> tuple[Progress | None, Callable[[int, int], None] | None]:
    """Build a progress bar on stderr when stderr is a terminal.

    Returns:
        The progress display (to start and stop) and its update callback.
    """
    console = Console(stderr=True)
    if not console.is_terminal:
        return None, None
    # Imported only for a terminal: a run that replays, or writes into a pipe,
    # shows no bar.
    bars = importlib.import_module("rich.progress")
    progress: Progress = bars.Progress(
        "checking",
        bars.BarColumn(),
        bars.MofNCompleteColumn(),
        bars.TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("files", total=None)

    def update(done: int, total: int) -> None:
        """Move the bar, shown only for large runs.

        Args:
            done: Files checked so far.
            total: Files to check.
        """
        if total >= PROGRESS_MIN_FILES:
            progress.update(task, completed=done, total=total, visible=True)
        else:
            progress.update(task, visible=False)

    return progress, update


def run_check(options: CheckOptions, cwd: Path) -> tuple[int, tuple[str, ...], str]:
    """Run ``strictpy check``: replay or audit, write the report, remember it.

    Args:
        options: The run's options.
        cwd: The working folder.

    Returns:
        The exit code, the notices for stderr, and a status line for stderr ('').
    """
    request = options.request
    if options.write_baseline is not None:
        return _write_baseline(request, options.write_baseline, cwd)
    if options.fix or options.diff:
        return _run_fix(options, cwd)
    groups = group_by_root(request.paths, cwd)
    last = last_report(request, options.render, cwd, groups)
    scans: dict[str, RootScan] = {}
    replayed = replay_of(last, groups, scans)
    if replayed is not None:
        # Nothing is checked: the worker forked at launch gives back its core
        # before the report is written.
        stop_preloaded_worker()
        _write(replayed.output, options.render.output_file)
        return replayed.exit_code, replayed.notices, ""
    writer = segment_writer(options.render)
    previous = _previous_segments(last) if writer is not None else None
    progress, update = _progress_reporter()
    audit_request = AuditRequest(
        request.paths,
        request.overrides,
        request.jobs,
        request.no_cache,
        request.ignore_baseline,
        update,
        keep=MappingProxyType(previous[0]) if previous else MappingProxyType({}),
        stamps=MappingProxyType(last.stamps() if last is not None else {}),
        scans=MappingProxyType(scans),
    )
    if progress is not None:
        with progress:
            report = run_audit(audit_request, cwd)
    else:
        report = run_audit(audit_request, cwd)
    index = None
    if writer is not None:
        output, index = render_by_segments(
            writer,
            report,
            lambda stream: _console(stream, options.render),
            previous[1] if previous else None,
            report.digests,
        )
    else:
        output = render_report(report, options.render)
    if last is not None:
        last.release()  # its kept segments are copied into ``output`` by now
    _write(output, options.render.output_file)
    has_findings = bool(report.findings) or bool(report.kept)
    failed = has_findings and not options.render.exit_zero
    exit_code = EXIT_FINDINGS if failed else EXIT_CLEAN
    remember_run(
        request,
        options.render,
        cwd,
        report.inputs,
        Replay(
            output,
            exit_code,
            report.notices,
            index.to_json() if index is not None else None,
        ),
    )
    return exit_code, report.notices, ""


def _previous_segments(
    last: LastReport | None,
) -> tuple[dict[str, ReusableSegments], tuple[SegmentIndex, StoredBytes]] | None:
    """Read what the last report of this command line lets the audit keep.

    Args:
        last: The last report, if any.

    Returns:
        The audit's ``keep`` and the last index and output, or None when the
        last report has no usable segments (several roots, another format).
    """
    root = last.single_root() if last is not None else None
    if last is None or root is None:
        return None
    index = SegmentIndex.from_json(last.segments, len(last.output))
    if index is None:
        return None
    digests = {
        path: segment.digest
        for path, segment in index.segments.items()
        if segment.digest is not None
    }
    keep = {root[0]: ReusableSegments(root[1], MappingProxyType(digests))}
    return keep, (index, last.output)


def _run_fix(options: CheckOptions, cwd: Path) -> tuple[int, tuple[str, ...], str]:
    """Repair what can be repaired (or show it as a diff), then report the rest.

    Args:
        options: The run's options (``fix`` or ``diff`` set).
        cwd: The working folder.

    Returns:
        The exit code, the notices and the fix summary line.
    """
    fixing = importlib.import_module("strictpy.services.fixing")
    diff_renderer = importlib.import_module("strictpy.api.renderers.diff_renderer")
    outcome = fixing.fix_project(options.request, cwd, diff_only=options.diff)
    report: AuditReport = outcome.report
    if outcome.written:
        output = render_report(report, options.render)
        pending = report.findings
    else:
        buffer = io.StringIO()
        diff_renderer.render_diff(outcome.diff, _console(buffer, options.render))
        output = b"" if options.render.quiet else buffer.getvalue().encode("utf-8")
        pending = outcome.changes
    _write(output, options.render.output_file)
    failed = bool(pending) and not options.render.exit_zero
    summary = diff_renderer.fix_summary(outcome) or ""
    return EXIT_FINDINGS if failed else EXIT_CLEAN, report.notices, summary


def _write_baseline(
    request: AuditRequest, target: Path, cwd: Path
) -> tuple[int, tuple[str, ...], str]:
    """Record today's findings as the baseline.

    Args:
        request: The audit request.
        target: The baseline file to write.
        cwd: The working folder.

    Returns:
        Exit 0, the notices and a status line naming the file and the count.
    """
    report = run_audit(
        AuditRequest(
            request.paths,
            request.overrides,
            request.jobs,
            request.no_cache,
            ignore_baseline=True,
        ),
        cwd,
    )
    baseline_file = importlib.import_module("strictpy.adapters.baseline_file")
    baseline_file.write_baseline(target, baseline_counts(report.findings))
    status = f"wrote {len(report.findings)} findings to the baseline '{target.name}'"
    return EXIT_CLEAN, report.notices, status
