"""Benchmark strictpy against the libcst parse floor and ruff, in one run.

Run by hand: ``uv run python benchmarks/run.py``. The corpus is a copy of the
Python 3.13 standard library without its tests, plus this repository's ``src``
and ``tests``. Every number is measured in this run on this machine, and every
target is a ratio between numbers of the same run, so the verdicts do not
depend on the machine's speed. Nothing here is a test: no assertion, no timing
in the test suite.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import libcst as cst

logger = logging.getLogger(__name__)

REPOSITORY = Path(__file__).resolve().parent.parent
LEFT_OUT = ("test", "site-packages", "idle_test", "__pycache__", "tests")
RUFF_SELECTION = "F,E,W,I,N,UP,B,S,A,C4,T10,SIM,TCH,ARG,PTH,ERA,PL,RUF,PERF,FBT"
COLD_JOBS_2_TARGET = 0.75
COLD_JOBS_1_TARGET = 1.5
WARM_OF_COLD_TARGET = 0.03
TOUCHED_TARGET = 2.0
RSS_TARGET_MB = 300.0
KIB_PER_MIB = 1024


def build_corpus(target: Path) -> Path:
    """Copy the standard library (without tests) and this repository's code.

    Args:
        target: An empty folder.

    Returns:
        The corpus folder.
    """
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    corpus = target / "corpus"

    def left_out(folder: str, names: list[str]) -> set[str]:
        """Name what ``copytree`` skips in a folder.

        Args:
            folder: The folder being copied.
            names: Its entries.

        Returns:
            The entries to skip.
        """
        del folder
        return {name for name in names if name in LEFT_OUT}

    shutil.copytree(stdlib, corpus / "stdlib", ignore=left_out, symlinks=True)
    shutil.copytree(REPOSITORY / "src", corpus / "strictpy" / "src", ignore=left_out)
    shutil.copytree(
        REPOSITORY / "tests", corpus / "strictpy" / "tests_copy", ignore=left_out
    )
    return corpus


def corpus_size(corpus: Path) -> tuple[int, int]:
    """Count the corpus's Python files and lines (reading each once).

    Args:
        corpus: The corpus folder.

    Returns:
        Files and lines.
    """
    files = sorted(corpus.rglob("*.py"))
    return len(files), sum(path.read_bytes().count(b"\n") for path in files)


def parse_floor(corpus: Path) -> float:
    """Time reading and ``libcst.parse_module`` of every file, one process.

    Args:
        corpus: The corpus folder.

    Returns:
        Seconds.
    """
    files = sorted(corpus.rglob("*.py"))
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        try:
            cst.parse_module(data)
        except (cst.ParserSyntaxError, RecursionError, UnicodeDecodeError, SyntaxError):
            logger.debug("left out of the parse floor: %s", path)
            continue
    return time.perf_counter() - start


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command and measure its wall time and its children's peak RSS.

    Args:
        command: The argument list.
        cwd: The working folder.

    Returns:
        Seconds and the peak RSS in MiB of the largest process so far.
    """
    # ``PYTHONDONTWRITEBYTECODE`` is dropped: an installed tool runs from
    # compiled bytecode, and without it every run would compile strictpy's
    # modules again (a third of a warm run here).
    unset = ["env", "-u", "PYTHONDONTWRITEBYTECODE"]
    start = time.perf_counter()
    completed = subprocess.run(  # noqa: S603 - our own commands
        [*unset, *command], cwd=cwd, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if completed.returncode not in {0, 1}:
        logger.error("%s failed: %s", command[:4], completed.stderr.decode()[-500:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / KIB_PER_MIB
    return elapsed, peak


def best_of(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Run a command several times and keep the median time.

    Args:
        command: The argument list.
        cwd: The working folder.
        repeat: How many runs.

    Returns:
        The median seconds and the peak RSS seen.
    """
    results = [timed(command, cwd) for _ in range(repeat)]
    return statistics.median(t for t, _ in results), max(rss for _, rss in results)


def strictpy(*arguments: str) -> list[str]:
    """Return the command line of a strictpy run on the corpus.

    Args:
        *arguments: Extra options.

    Returns:
        The argument list.
    """
    return [
        sys.executable,
        "-m",
        "strictpy",
        "check",
        "corpus",
        "--format",
        "json",
        *arguments,
    ]


@dataclass(frozen=True)
class Round:
    """One round's measurements, in seconds (RSS in MiB).

    Attributes:
        floor: Read + ``libcst.parse_module`` of every file, one process.
        cold1: ``--no-cache --jobs 1``.
        cold2: ``--no-cache --jobs 2``.
        warm: Nothing changed, cache present (median of ``--repeat`` runs).
        touched: One file changed since the last run.
        touched_parse: That file's own ``libcst.parse_module``.
        ruff: ``ruff check --no-cache`` with the ruleset's selection (median).
        rss: The largest peak RSS of any process so far.
    """

    floor: float
    cold1: float
    cold2: float
    warm: float
    touched: float
    touched_parse: float
    ruff: float
    rss: float


def measure_round(corpus: Path, work: Path, number: int, repeat: int) -> Round:
    """Measure every quantity once, in the order a user meets them.

    Args:
        corpus: The corpus folder.
        work: Its parent, the working folder of the runs.
        number: The round's number (it makes each round's edit its own).
        repeat: Runs per warm and Ruff measurement.

    Returns:
        The round's measurements.
    """
    floor = parse_floor(corpus)
    cold1, rss1 = timed(strictpy("--no-cache", "--jobs", "1"), work)
    cold2, rss2 = timed(strictpy("--no-cache", "--jobs", "2"), work)
    timed(strictpy("--jobs", "2"), work)  # fills the cache
    warm, rss3 = best_of(strictpy("--jobs", "2"), work, repeat)
    touched_file = corpus / "stdlib" / "argparse.py"
    touched_file.write_text(
        touched_file.read_text(encoding="utf-8") + f"\nTOUCHED_{number} = 1\n",
        encoding="utf-8",
    )
    touched, rss4 = timed(strictpy("--jobs", "2"), work)
    start = time.perf_counter()
    cst.parse_module(touched_file.read_bytes())
    touched_parse = time.perf_counter() - start
    ruff_command = [
        str(Path(sys.executable).parent / "ruff"), "check", "--no-cache", "--isolated",
        "--select", RUFF_SELECTION, "--exit-zero", "--quiet", "corpus",
    ]  # fmt: skip
    ruff, _ = best_of(ruff_command, work, repeat)
    return Round(
        floor, cold1, cold2, warm, touched, touched_parse, ruff,
        max(rss1, rss2, rss3, rss4),
    )  # fmt: skip


def verdicts(result: Round) -> dict[str, bool]:
    """Judge every target on one set of measurements.

    Args:
        result: The measurements.

    Returns:
        Target name to whether it is met.
    """
    return {
        "cold-jobs-2": result.cold2 <= COLD_JOBS_2_TARGET * result.floor,
        "cold-jobs-1": result.cold1 <= COLD_JOBS_1_TARGET * result.floor,
        "warm-vs-cold": result.warm <= WARM_OF_COLD_TARGET * result.cold2,
        "warm-vs-ruff": result.warm <= result.ruff,
        "one-touched": result.touched
        <= TOUCHED_TARGET * result.warm + result.touched_parse,
        "peak-rss": result.rss <= RSS_TARGET_MB,
    }


def median_round(rounds: list[Round]) -> Round:
    """Take each quantity's median over the rounds (RSS: the largest).

    Args:
        rounds: The rounds.

    Returns:
        The medians.
    """
    return Round(
        *(
            statistics.median(getattr(one, field.name) for one in rounds)
            for field in fields(Round)
            if field.name != "rss"
        ),
        rss=max(one.rss for one in rounds),
    )


def main() -> None:
    """Measure in rounds, print the medians' table and the verdict per target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per warm and Ruff measurement"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of every measurement"
    )
    options = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        corpus = build_corpus(work)
        files, lines = corpus_size(corpus)
        # Compiles strictpy's bytecode once, as installing it would.
        timed([sys.executable, "-m", "strictpy", "--version"], work)
        rounds = []
        for number in range(1, options.rounds + 1):
            rounds.append(measure_round(corpus, work, number, options.repeat))
            measured = {key: round(v, 3) for key, v in asdict(rounds[-1]).items()}
            logger.info("round %d: %s", number, json.dumps(measured))
    result = median_round(rounds)
    rows = {
        "corpus": f"{files} files, {lines} lines",
        "rounds": f"{len(rounds)} (each value below is the median over them)",
        "parse-only floor (1 process)": f"{result.floor:.2f} s",
        "cold --jobs 1": f"{result.cold1:.2f} s ({result.cold1 / result.floor:.2f}x floor, target <= {COLD_JOBS_1_TARGET})",
        "cold --jobs 2": f"{result.cold2:.2f} s ({result.cold2 / result.floor:.2f}x floor, target <= {COLD_JOBS_2_TARGET})",
        "warm": f"{result.warm:.3f} s ({result.warm / result.cold2:.3f}x cold jobs 2, target <= {WARM_OF_COLD_TARGET})",
        "ruff --no-cache": f"{result.ruff:.3f} s (warm / ruff = {result.warm / result.ruff:.2f}, target <= 1)",
        "one file touched": f"{result.touched:.3f} s (target <= {TOUCHED_TARGET * result.warm + result.touched_parse:.3f})",
        "peak RSS": f"{result.rss:.0f} MiB (target <= {RSS_TARGET_MB:.0f})",
    }
    for name, value in rows.items():
        logger.info("%-30s %s", name, value)
    per_round = [verdicts(one) for one in rounds]
    logger.info(
        "rounds passed per target: %s",
        json.dumps({name: sum(v[name] for v in per_round) for name in per_round[0]}),
    )
    logger.info(
        json.dumps(
            {name: "pass" if ok else "FAIL" for name, ok in verdicts(result).items()}
        )
    )


if __name__ == "__main__":
    main()
