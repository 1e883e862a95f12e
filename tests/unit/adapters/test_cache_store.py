"""Tests for the JSON cache: round trips, and corrupt or foreign caches ignored."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.cache_store import (
    CACHE_DIR,
    CacheContents,
    load_cache,
    save_cache,
)
from strictpy.domain.codes import Severity
from strictpy.domain.facts import CallFact, ClassFact, FileFacts, ImportFact
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult

if TYPE_CHECKING:
    from pathlib import Path

RESULT = FileResult(
    "src/app/x.py",
    (
        Finding(
            "SP101",
            "todo-comment",
            "m",
            "src/app/x.py",
            Span(1, 2, 1, 5),
            Severity.ERROR,
            fixable=False,
        ),
    ),
    FileFacts(
        "src/app/x.py",
        imports=(ImportFact("os", None, type_checking=False),),
        classes=(ClassFact("E", ("builtins.Exception",), 3),),
        calls=(CallFact("asyncio.run", 9, (None, "x"), (("debug", "True"),)),),
        line_count=10,
    ),
    ((1, "x = 1"),),
)
RUFF = (
    Finding(
        "F401", "unused-import", "m", "src/app/x.py", Span(1, 1, 1, 3), source="ruff"
    ),
)
CONTENTS = CacheContents(
    key="k1",
    files=MappingProxyType({"src/app/x.py": ("h1", RESULT, RUFF)}),
    project_inputs="p1",
    project_findings=(Finding("SP705", "missing-project-file", "m", "Dockerfile"),),
    report_key="r1",
)


def test_round_trip(tmp_path: Path) -> None:
    """What is saved loads back equal, with markers for tools and git.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    assert loaded.files["src/app/x.py"] == ("h1", RESULT, RUFF)
    assert loaded.project_findings == CONTENTS.project_findings
    assert (loaded.project_inputs, loaded.report_key) == ("p1", "r1")
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").is_file()


def test_other_configuration_is_a_miss(tmp_path: Path) -> None:
    """A cache made with another configuration is not used.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    assert load_cache(tmp_path, "k2") is None


def test_truncated_or_hostile_cache_is_ignored(tmp_path: Path) -> None:
    """Truncated JSON, unknown classes and wrong shapes are treated as no cache.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    cache_file = next((tmp_path / CACHE_DIR).glob("results-*.json"))
    text = cache_file.read_text(encoding="utf-8")
    cache_file.write_text(text[: len(text) // 2], encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None
    hostile = json.loads(text)
    hostile["files"]["src/app/x.py"][1]["~"] = "os.system"
    cache_file.write_text(json.dumps(hostile), encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None
    wrong = json.loads(text)
    wrong["files"]["src/app/x.py"][1]["unexpected"] = 1
    cache_file.write_text(json.dumps(wrong), encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None


def test_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    """A cache that cannot be written does not fail the run.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    (tmp_path / CACHE_DIR).write_text(
        "a file where the folder should be", encoding="utf-8"
    )
    save_cache(tmp_path, CONTENTS)
    assert load_cache(tmp_path, "k1") is None
