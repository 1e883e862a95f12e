"""Measure what the SP3 docstring rules add to a full strictpy run.

Runs ``strictpy check PATH --format json --jobs 1 --no-cache`` twice per round,
once with every rule and once with ``--ignore SP3``, in fresh interpreters so
neither run profits from the other's warm caches, and prints the best time of each and
their ratio. Both the wall-clock time and the CPU time the strictpy process used
(user plus system) are measured; on a machine shared with other work the CPU
time is the steadier of the two, so its ratio is the one to quote. The default
path is the running interpreter's standard library. Run it by hand:
``uv run python benchmarks/sp3_overhead.py --rounds 3``.

Writing the JSON report costs time in proportion to the number of findings, and
SP3 adds many on code that was not written to the ruleset (the standard library
has no Google-style docstrings). ``--quiet`` runs strictpy with ``--quiet``
instead, which skips the report, to show the checking work alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measurement", "main", "measure", "parse_args"]

BASELINE_ARGS = ("--ignore", "SP3")
FULL_ARGS: tuple[str, ...] = ()
DESCRIPTION = "Measure what the SP3 docstring rules add to a full strictpy run."


@dataclass(frozen=True, slots=True)
class Measurement:
    """One timed strictpy run.

    Attributes:
        seconds: Wall-clock time of the whole command.
        cpu_seconds: CPU time (user and system) of the strictpy process.
        files: How many files strictpy checked (None without a report).
        findings: How many findings it reported (None without a report).
    """

    seconds: float
    cpu_seconds: float
    files: int | None
    findings: int | None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The parsed options.
    """
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument(
        "path",
        nargs="?",
        default=sysconfig.get_paths()["stdlib"],
        help="folder to check (default: this interpreter's standard library)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="runs of each variant; best kept"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="strictpy worker processes (default: 1)"
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="run strictpy with --quiet: check without writing the report",
    )
    return parser.parse_args(argv)


def measure(
    path: str, jobs: int, selection: tuple[str, ...], *, quiet: bool
) -> Measurement:
    """Run strictpy once on a folder and time it.

    Args:
        path: The folder to check.
        jobs: Worker processes for strictpy.
        selection: Extra ``check`` options choosing the rules.
        quiet: Skip the report (strictpy's ``--quiet``) instead of writing JSON.

    Returns:
        The times, file count and finding count of the run.
    """
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        output = ("--quiet",) if quiet else ("--output-file", str(report))
        command = [
            sys.executable,
            "-m",
            "strictpy",
            "check",
            path,
            "--format",
            "json",
            "--jobs",
            str(jobs),
            "--exit-zero",
            "--no-cache",
            *output,
            *selection,
        ]
        before = _children_cpu()
        started = time.perf_counter()
        # The command is built from this script's own constants and arguments.
        subprocess.run(command, check=True)  # noqa: S603
        seconds = time.perf_counter() - started
        cpu_seconds = _children_cpu() - before
        if quiet:
            return Measurement(seconds, cpu_seconds, None, None)
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    return Measurement(
        seconds, cpu_seconds, summary["files_checked"], summary["findings"]
    )


def _children_cpu() -> float:
    """Return the CPU time used so far by finished child processes.

    Returns:
        User plus system seconds of all waited-for children.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _count(value: int | None) -> str:
    """Return a count for the summary.

    Args:
        value: The count, or None when no report was written.

    Returns:
        The number, or ``n/a``.
    """
    return "n/a" if value is None else str(value)


def main(argv: list[str] | None = None) -> int:
    """Time full runs with and without SP3 and report the overhead.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The process exit code.
    """
    options = parse_args(argv)
    baseline: list[Measurement] = []
    full: list[Measurement] = []
    for round_number in range(1, options.rounds + 1):
        baseline.append(
            measure(options.path, options.jobs, BASELINE_ARGS, quiet=options.quiet)
        )
        full.append(measure(options.path, options.jobs, FULL_ARGS, quiet=options.quiet))
        sys.stdout.write(
            f"round {round_number}: without SP3 {baseline[-1].seconds:.2f}s"
            f" (cpu {baseline[-1].cpu_seconds:.2f}s), with SP3"
            f" {full[-1].seconds:.2f}s (cpu {full[-1].cpu_seconds:.2f}s)\n"
        )
    wall = min(run.seconds for run in full) / min(run.seconds for run in baseline)
    cpu = min(run.cpu_seconds for run in full) / min(
        run.cpu_seconds for run in baseline
    )
    sys.stdout.write(
        f"path: {options.path}"
        f"{' (quiet: no report written)' if options.quiet else ''}\n"
        f"files checked: {_count(full[-1].files)}\n"
        f"findings: {_count(full[-1].findings)} with SP3,"
        f" {_count(baseline[-1].findings)} without\n"
        f"best wall time: {min(run.seconds for run in full):.2f}s with SP3,"
        f" {min(run.seconds for run in baseline):.2f}s without\n"
        f"best CPU time:  {min(run.cpu_seconds for run in full):.2f}s with SP3,"
        f" {min(run.cpu_seconds for run in baseline):.2f}s without\n"
        f"ratio (all / all but SP3): wall {wall:.3f} ({(wall - 1) * 100:+.1f}%),"
        f" CPU {cpu:.3f} ({(cpu - 1) * 100:+.1f}%)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
