"""The whole engine over the running interpreter's standard library.

Every rule is selected (Ruff is left out: it is not strictpy's parser). The run
must end with exit 1 (findings) and never 2, and SP000 must agree with the
interpreter's own parser: a file gets SP000 exactly when ``compile`` rejects it,
except for valid Python that libcst cannot parse yet, whose SP000 says so. On
CPython 3.13 those are ``test/test_grammar.py`` and
``test/typinganndata/ann_module.py``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import sysconfig
import warnings
from pathlib import Path

import pytest

from strictpy.adapters.file_discovery import discover_python_files, relative_posix
from strictpy.config import RUFF_EXCLUDES

pytestmark = [pytest.mark.integration, pytest.mark.slow]

STDLIB = Path(sysconfig.get_paths()["stdlib"])
LIBCST_LIMITATION = "valid Python that libcst cannot parse yet"
EXIT_FINDINGS = 1
TIMEOUT_SECONDS = 900
# Fewer files would mean discovery lost part of the corpus.
MIN_FILES = 1000


def _python_rejects(path: Path) -> bool:
    """Tell whether the interpreter's parser rejects a file's bytes.

    The bytes are compiled as they are, so the PEP 263 cookie or the BOM picks
    the encoding, as when Python imports the file.

    Args:
        path: The file.

    Returns:
        True when the file cannot be decoded or parsed.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(
                path.read_bytes(),
                str(path),
                "exec",
                ast.PyCF_ONLY_AST,
                dont_inherit=True,
            )
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
    return False


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Check the standard library once, uncached, on two worker processes.

    Args:
        tmp_path_factory: pytest's factory of temporary folders (the working
            folder of the run).

    Returns:
        The JSON report.
    """
    completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [
            sys.executable,
            "-m",
            "strictpy",
            "check",
            "--format",
            "json",
            "--jobs",
            "2",
            "--no-cache",
            "--no-ruff",
            str(STDLIB),
        ],
        cwd=tmp_path_factory.mktemp("stdlib-run"),
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    stderr = completed.stderr.decode("utf-8", errors="replace")
    assert completed.returncode == EXIT_FINDINGS, stderr[-2000:]
    return json.loads(completed.stdout)


def test_every_discovered_file_is_checked(report: dict[str, object]) -> None:
    """Discovery's files are the files checked, and there are many.

    Args:
        report: The JSON report of the standard library.
    """
    discovered = discover_python_files(STDLIB, [STDLIB], list(RUFF_EXCLUDES)).files
    assert len(discovered) >= MIN_FILES
    assert report["summary"]["files_checked"] == len(discovered)


def test_sp000_agrees_with_the_interpreter(report: dict[str, object]) -> None:
    """SP000 exactly on files Python rejects, or with libcst's documented limit.

    Args:
        report: The JSON report of the standard library.
    """
    sp000 = {
        f["path"]: f["message"] for f in report["findings"] if f["code"] == "SP000"
    }
    internal = {path: m for path, m in sp000.items() if "internal error" in m}
    assert not internal, internal
    limitations = sorted(p for p, m in sp000.items() if LIBCST_LIMITATION in m)
    wrongly_rejected = [
        path
        for path, message in sorted(sp000.items())
        if LIBCST_LIMITATION not in message and not _python_rejects(STDLIB / path)
    ]
    assert not wrongly_rejected, {path: sp000[path] for path in wrongly_rejected}
    for path in limitations:
        assert not _python_rejects(STDLIB / path), path
    discovered = discover_python_files(STDLIB, [STDLIB], list(RUFF_EXCLUDES)).files
    rejected = {
        relative_posix(path, STDLIB) for path in discovered if _python_rejects(path)
    }
    assert rejected, "the corpus should hold files Python rejects"
    assert rejected <= sp000.keys(), sorted(rejected - sp000.keys())
    assert len(limitations) <= len(["test_grammar.py", "ann_module.py"]), limitations


def test_findings_point_inside_their_files(report: dict[str, object]) -> None:
    """Every positioned finding names a line that exists in its file.

    Args:
        report: The JSON report of the standard library.
    """
    line_counts: dict[str, int] = {}
    for finding in report["findings"]:
        if finding["line"] is None or not finding["path"].endswith(".py"):
            continue
        path = finding["path"]
        if path not in line_counts:
            data = (STDLIB / path).read_bytes()
            line_counts[path] = max(len(data.splitlines()), 1)
        assert 1 <= finding["line"] <= finding["end_line"], finding
        assert finding["line"] <= line_counts[path], finding
        assert finding["column"] >= 1, finding
