"""Tests for cache lines: encoded whole, decoded part by part, never trusted."""

from __future__ import annotations

import pytest

from strictpy.adapters.cache_codec import CacheCorruptError, StoredFile, encode_entry
from strictpy.domain.facts import FileFacts, ImportFact
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult

RESULT = FileResult(
    "pkg/ünï\tcode.py",
    (Finding("SP101", "todo-comment", "m", "pkg/ünï\tcode.py", Span(1, 2, 1, 5)),),
    FileFacts(
        "pkg/ünï\tcode.py", imports=(ImportFact("os", None, type_checking=False),)
    ),
    ((1, "x = 1\t# tab"),),
)


def test_a_line_decodes_back_part_by_part() -> None:
    """Names with tabs and non-ASCII survive; each part decodes on its own."""
    line = encode_entry(RESULT.path, ("d1", RESULT, ()))
    assert "\n" not in line
    stored = StoredFile(line, {})
    assert (stored.name, stored.digest) == (RESULT.path, "d1")
    assert stored.facts() == RESULT.facts
    assert stored.entry() == ("d1", RESULT, ())


@pytest.mark.parametrize(
    "line",
    ["", "a\tb", '1\t"d"\tnull\t[]\t[]\t[]', '"a"\t2\tnull\t[]\t[]\t[]'],
)
def test_malformed_lines_are_rejected(line: str) -> None:
    """Wrong part counts and non-text names or digests raise at once.

    Args:
        line: A malformed line.
    """
    with pytest.raises(CacheCorruptError):
        StoredFile(line, {})


def test_repeated_texts_are_kept_once() -> None:
    """Codes and paths decoded from many lines share one string object."""
    shared: dict[str, str] = {}
    first = StoredFile(encode_entry(RESULT.path, ("d1", RESULT, ())), shared).entry()
    second = StoredFile(encode_entry(RESULT.path, ("d2", RESULT, ())), shared).entry()
    assert first[1].findings[0].code is second[1].findings[0].code
    assert first[1].findings[0].path is second[1].findings[0].path
