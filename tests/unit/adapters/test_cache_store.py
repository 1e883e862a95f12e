"""Tests for the JSON cache: round trips, and corrupt or foreign caches ignored."""

from __future__ import annotations

import dataclasses
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
    """Truncated files, unknown classes and wrong shapes are treated as no cache.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    cache_file = next((tmp_path / CACHE_DIR).glob("results-*.json"))
    text = cache_file.read_text(encoding="utf-8")
    head, entry, end, _ = text.split("\n")
    for cut in (len(text) // 2, len(head) + 1 + len(entry) + 1, len(text) - 1):
        cache_file.write_text(text[:cut], encoding="utf-8")
        assert load_cache(tmp_path, "k1") is None, cut
    hostile = json.loads(entry)
    hostile[2]["~"] = "os.system"
    cache_file.write_text(f"{head}\n{json.dumps(hostile)}\n{end}\n", encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None
    wrong = json.loads(entry)
    wrong[2]["unexpected"] = 1
    cache_file.write_text(f"{head}\n{json.dumps(wrong)}\n{end}\n", encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None
    bad_span = json.loads(entry)
    bad_span[3][0]["~F"][4] = ["1", 1, 1, 1]
    cache_file.write_text(f"{head}\n{json.dumps(bad_span)}\n{end}\n", encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None


def test_unchanged_entries_are_written_back_as_read(tmp_path: Path) -> None:
    """A reused entry is copied as its line; a replaced one is encoded anew.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    cache_file = next((tmp_path / CACHE_DIR).glob("results-*.json"))
    # A marker in the stored line shows whether it was copied or re-encoded.
    marked = loaded.lines["src/app/x.py"].replace('"h1"', '"h1" ')
    reusable = dataclasses.replace(
        loaded, lines=MappingProxyType({"src/app/x.py": marked})
    )
    save_cache(tmp_path, loaded, reusable=reusable)
    assert '"h1" ' in cache_file.read_text(encoding="utf-8")
    changed = dataclasses.replace(
        loaded, files=MappingProxyType({"src/app/x.py": ("h2", RESULT, ())})
    )
    save_cache(tmp_path, changed, reusable=reusable)
    again = load_cache(tmp_path, "k1")
    assert again is not None
    assert again.files["src/app/x.py"] == ("h2", RESULT, ())


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
