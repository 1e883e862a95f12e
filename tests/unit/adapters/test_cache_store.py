"""Tests for the cache files: round trips, appended bodies, corrupt or foreign caches."""

from __future__ import annotations

import dataclasses
import json
import os
import time
import zlib
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import cache_store
from strictpy.adapters.cache_codec import (
    BodyRef,
    CacheCorruptError,
    encode_entry,
    index_line,
)
from strictpy.adapters.cache_store import (
    CACHE_DIR,
    CACHE_FORMAT,
    CacheContents,
    StoredFile,
    _checksum,
    discard_cache,
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
BODIES = "bodies-*.bin"
RESULT_Y = dataclasses.replace(RESULT, path="src/app/y.py")
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
    assert loaded.generation == _generation(tmp_path)
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").is_file()


def test_other_configuration_is_a_miss(tmp_path: Path) -> None:
    """A cache made with another configuration is not used.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    assert load_cache(tmp_path, "k2") is None


def _one_file(root: Path, pattern: str) -> Path:
    """Return the cache file whose name matches a pattern.

    Args:
        root: The project root.
        pattern: A glob pattern.

    Returns:
        Its path.
    """
    return next((root / CACHE_DIR).glob(pattern))


def _index_file(root: Path) -> Path:
    """Return the cache's index file.

    Args:
        root: The project root.

    Returns:
        Its path.
    """
    return _one_file(root, "results-*.json")


def _generation(root: Path) -> str:
    """Return the generation the index names.

    Args:
        root: The project root.

    Returns:
        The generation.
    """
    head = json.loads(_index_file(root).read_text(encoding="utf-8").split("\n")[0])
    return str(head["bodies"])


def test_truncated_or_altered_index_is_ignored(tmp_path: Path) -> None:
    """An index cut short anywhere, or altered, is treated as no cache.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    cache_file = _index_file(tmp_path)
    text = cache_file.read_text(encoding="utf-8")
    head, entry, end, _ = text.split("\n")
    for cut in (len(text) // 2, len(head) + 1 + len(entry) + 1, len(text) - 1):
        cache_file.write_text(text[:cut], encoding="utf-8")
        assert load_cache(tmp_path, "k1") is None, cut
    altered = entry.replace('"h1"', '"h2"')
    cache_file.write_text(f"{head}\n{altered}\n{end}\n", encoding="utf-8")
    assert load_cache(tmp_path, "k1") is None


def test_a_bodies_file_missing_or_of_another_generation_is_no_cache(
    tmp_path: Path,
) -> None:
    """An index is used only with the bodies file of its generation.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    bodies = _one_file(tmp_path, BODIES)
    data = bodies.read_bytes()
    generation = _generation(tmp_path)
    bodies.write_bytes(data.replace(generation.encode(), b"0" * len(generation), 1))
    assert load_cache(tmp_path, "k1") is None
    bodies.unlink()
    assert load_cache(tmp_path, "k1") is None


def test_a_body_cut_short_or_altered_fails_to_decode(tmp_path: Path) -> None:
    """Bodies are checked by length and CRC-32 when read, not trusted.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    bodies = _one_file(tmp_path, BODIES)
    data = bodies.read_bytes()
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    bodies.write_bytes(data[:-5])
    with pytest.raises(CacheCorruptError):
        _stored(loaded, "src/app/x.py").entry()
    bodies.write_bytes(data.replace(b'"x = 1"', b'"x = 2"'))
    with pytest.raises(CacheCorruptError):
        _stored(loaded, "src/app/x.py").entry()
    bodies.write_bytes(data)
    assert _stored(loaded, "src/app/x.py").entry() == ("h1", RESULT, RUFF)


def _write_cache(root: Path, line_head: str, body: str) -> None:
    """Write a one-entry cache by hand, with a valid frame and body reference.

    Args:
        root: The project root.
        line_head: The entry's name, digest and facts parts.
        body: The entry's body.
    """
    generation = _generation(root)
    head = json.dumps({"format": CACHE_FORMAT, "key": "k1", "bodies": generation})
    bodies_head = json.dumps({"format": CACHE_FORMAT, "generation": generation}) + "\n"
    data = body.encode()
    ref = BodyRef(len(bodies_head), len(data), zlib.crc32(data))
    _one_file(root, BODIES).write_bytes(bodies_head.encode() + data + b"\n")
    line = index_line(line_head, ref)
    end = json.dumps({"entries": 1, "checksum": _checksum([line])})
    _index_file(root).write_text(f"{head}\n{line}\n{end}\n", encoding="utf-8")


def test_hostile_entries_fail_to_decode(tmp_path: Path) -> None:
    """Entries with valid checksums but unknown classes or wrong shapes raise.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    line_head, body = encode_entry("src/app/x.py", ("h1", RESULT, RUFF))
    name, digest, facts = line_head.split("\t")
    excerpt, findings, ruff = body.split("\t")
    hostile_facts = facts.replace('"FileFacts"', '"os.system"')
    bad_span = ruff.replace("[1,1,1,3]", '["1",1,1,3]')
    wrong_excerpt = excerpt.replace('"x = 1"', "7")
    for head_parts, body_parts in (
        ((name, digest, hostile_facts), (excerpt, findings, ruff)),
        ((name, digest, facts), (excerpt, findings, bad_span)),
        ((name, digest, facts), (wrong_excerpt, findings, ruff)),
    ):
        _write_cache(tmp_path, "\t".join(head_parts), "\t".join(body_parts))
        loaded = load_cache(tmp_path, "k1")
        assert loaded is not None
        with pytest.raises(CacheCorruptError):
            _stored(loaded, "src/app/x.py").entry()


def test_unchanged_entries_are_written_back_and_new_bodies_appended(
    tmp_path: Path,
) -> None:
    """A loaded entry keeps its line and body; a replaced one appends its body.

    Another run's bodies appended in between do not misplace this run's.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    two = CacheContents(
        "k1",
        MappingProxyType(
            {"src/app/x.py": ("h1", RESULT, RUFF), "src/app/y.py": ("h3", RESULT_Y, ())}
        ),
    )
    save_cache(tmp_path, two)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    line = _stored(loaded, "src/app/y.py").line
    before = _one_file(tmp_path, BODIES).read_bytes()
    with _one_file(tmp_path, BODIES).open("ab") as other_run:
        other_run.write(b"another run's body\n")
    changed = CacheContents(
        "k1",
        MappingProxyType(
            {
                "src/app/x.py": ("h2", RESULT, ()),
                "src/app/y.py": loaded.files["src/app/y.py"],
            }
        ),
        loaded.generation,
    )
    save_cache(tmp_path, changed)
    assert _one_file(tmp_path, BODIES).read_bytes().startswith(before)
    assert _index_file(tmp_path).read_text(encoding="utf-8").split("\n")[2] == line
    again = load_cache(tmp_path, "k1")
    assert again is not None
    assert again.generation == loaded.generation
    assert _stored(again, "src/app/x.py").entry() == ("h2", RESULT, ())
    assert _stored(again, "src/app/y.py").entry() == ("h3", RESULT_Y, ())


def test_superseded_bodies_are_dropped_in_a_new_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When old bodies outweigh live ones, a new bodies file holds the live ones.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Removes the slack so that a few edits trigger the rewrite.
    """
    monkeypatch.setattr(cache_store, "BODIES_SLACK_BYTES", 0)
    save_cache(tmp_path, CONTENTS)
    generations = {_generation(tmp_path)}
    fresh = _one_file(tmp_path, BODIES).stat().st_size
    sizes = []
    for edit in range(6):
        loaded = load_cache(tmp_path, "k1")
        assert loaded is not None
        digest = f"edit{edit}"
        save_cache(
            tmp_path,
            CacheContents(
                "k1",
                MappingProxyType({"src/app/x.py": (digest, RESULT, RUFF)}),
                loaded.generation,
            ),
        )
        generations.add(_generation(tmp_path))
        sizes.append(_one_file(tmp_path, BODIES).stat().st_size)
    assert len(generations) > 1
    assert max(sizes) <= 3 * fresh
    final = load_cache(tmp_path, "k1")
    assert final is not None
    assert _stored(final, "src/app/x.py").entry() == ("edit5", RESULT, RUFF)


def test_entries_whose_bodies_were_replaced_are_dropped(tmp_path: Path) -> None:
    """A run whose bodies file another run rewrote keeps only its new entries.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    save_cache(tmp_path, CONTENTS)
    loaded = load_cache(tmp_path, "k1")
    assert loaded is not None
    save_cache(tmp_path, CONTENTS)  # another run: a new generation
    with pytest.raises(CacheCorruptError):
        _stored(loaded, "src/app/x.py").entry()
    mixed = CacheContents(
        "k1",
        MappingProxyType(
            {
                "src/app/x.py": loaded.files["src/app/x.py"],
                "src/app/y.py": ("h3", RESULT_Y, ()),
            }
        ),
        loaded.generation,
    )
    save_cache(tmp_path, mixed)
    again = load_cache(tmp_path, "k1")
    assert again is not None
    assert set(again.files) == {"src/app/y.py"}
    assert _stored(again, "src/app/y.py").entry() == ("h3", RESULT_Y, ())


def test_a_discarded_cache_is_gone(tmp_path: Path) -> None:
    """Discarding removes the index: the next load finds no cache.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    assert discard_cache(tmp_path)
    save_cache(tmp_path, CONTENTS)
    assert discard_cache(tmp_path)
    assert not has_cache(tmp_path)
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


def test_files_of_other_format_versions_are_removed(tmp_path: Path) -> None:
    """Saving removes other versions' files and abandoned temporary files only.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    folder = tmp_path / CACHE_DIR
    folder.mkdir()
    old = ["results-v4.json", "last-run-v4.json", "last-output-v4", "bodies-v3.bin"]
    for name in [*old, "notes.txt", ".tmp-abandoned", ".tmp-in-progress"]:
        (folder / name).write_text("old", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(folder / ".tmp-abandoned", (two_hours_ago, two_hours_ago))
    save_cache(tmp_path, CONTENTS)
    assert not any((folder / name).exists() for name in [*old, ".tmp-abandoned"])
    assert (folder / "notes.txt").exists()
    assert (folder / ".tmp-in-progress").exists()
    assert load_cache(tmp_path, "k1") is not None
