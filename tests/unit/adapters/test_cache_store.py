"""Tests for the JSON cache: round trips, and corrupt or foreign caches ignored."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.cache_codec import CacheCorruptError
from strictpy.adapters.cache_store import (
    CACHE_DIR,
    CacheContents,
    StoredFile,
    _checksum,
    has_cache,
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
    key="k1", files=MappingProxyType({"src/app/x.py": ("h1", RESULT, RUFF)})
)


def _stored(contents: CacheContents, path: str) -> StoredFile:
    """Return a loaded entry, failing the test when it is not one.

    Args:
        contents: A loaded cache.
        path: The entry's path.

    Returns:
        The stored entry.
    """
    entry = contents.files[path]
    assert isinstance(entry, StoredFile)
    return entry


def test_round_trip(tmp_path: Path) -> None:
    """What is saved loads back equal, with markers for tools and git.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    assert not has_cache(tmp_path)
    save_cache(tmp_path, CONTENTS)
    assert has_cache(tmp_path)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    stored = _stored(loaded, "src/app/x.py")
    assert stored.entry() == ("h1", RESULT, RUFF)
    assert stored.facts() == RESULT.facts
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").is_file()


def test_other_configuration_is_a_miss(tmp_path: Path) -> None:
    """A cache made with another configuration is not used.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    assert load_cache(tmp_path, "k2") is None


def test_truncated_or_altered_cache_is_ignored(tmp_path: Path) -> None:
    """A file cut short anywhere, or altered, is treated as no cache.

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
    altered = entry.replace('"h1"', '"h2"')
    cache_file.write_text(f"{head}\n{altered}\n{end}\n", encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None


def test_hostile_entries_fail_to_decode(tmp_path: Path) -> None:
    """Entries with a valid checksum but unknown classes or wrong shapes raise.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    cache_file = next((tmp_path / CACHE_DIR).glob("results-*.json"))
    head, entry, _, _ = cache_file.read_text(encoding="utf-8").split("\n")
    name, digest, facts, excerpt, findings, ruff = entry.split("\t")
    hostile_facts = facts.replace('"FileFacts"', '"os.system"')
    bad_span = ruff.replace("[1,1,1,3]", '["1",1,1,3]')
    wrong_excerpt = excerpt.replace('"x = 1"', "7")
    for parts in (
        (name, digest, hostile_facts, excerpt, findings, ruff),
        (name, digest, facts, excerpt, findings, bad_span),
        (name, digest, facts, wrong_excerpt, findings, ruff),
    ):
        line = "\t".join(parts)
        end = json.dumps({"entries": 1, "checksum": _checksum([line])})
        cache_file.write_text(f"{head}\n{line}\n{end}\n", encoding="utf-8")
        loaded = load_cache(tmp_path, "k1")
        assert loaded is not None
        with pytest.raises(CacheCorruptError):
            _stored(loaded, "src/app/x.py").entry()


def test_unchanged_entries_are_written_back_as_read(tmp_path: Path) -> None:
    """A loaded entry is copied as its line; a replaced one is encoded anew.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    line = _stored(loaded, "src/app/x.py").line
    save_cache(tmp_path, loaded)
    cache_file = next((tmp_path / CACHE_DIR).glob("results-*.json"))
    assert cache_file.read_text(encoding="utf-8").split("\n")[1] == line
    changed = CacheContents(
        "k1", MappingProxyType({"src/app/x.py": ("h2", RESULT, ())})
    )
    save_cache(tmp_path, changed)
    again = load_cache(tmp_path, "k1")
    assert again is not None
    assert _stored(again, "src/app/x.py").entry() == ("h2", RESULT, ())


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
