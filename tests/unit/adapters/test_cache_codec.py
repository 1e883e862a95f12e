"""Tests for cache lines: encoded whole, decoded part by part, never trusted."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import cache_codec
from strictpy.adapters.cache_codec import CacheCorruptError, StoredFile, encode_entry
from strictpy.domain.facts import FileFacts, ImportFact
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

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


def test_facts_are_decoded_once(mocker: MockerFixture) -> None:
    """Project rules and the whole entry share one decoding of the facts.

    Args:
        mocker: Counts the JSON decodings.
    """
    stored = StoredFile(encode_entry(RESULT.path, ("d1", RESULT, ())), {})
    decodings = mocker.spy(cache_codec.json, "loads")
    first = stored.facts()
    assert stored.facts() is first
    assert stored.entry()[1].facts is first
    assert decodings.call_count == len(("facts", "excerpt", "findings", "ruff"))


def test_a_line_without_facts_remembers_none() -> None:
    """A run that collected no facts stores none, and none is what decodes."""
    result = FileResult(RESULT.path, RESULT.findings, None, RESULT.excerpt)
    stored = StoredFile(encode_entry(result.path, ("d1", result, ())), {})
    assert stored.facts() is None
    assert stored.facts() is None
    assert stored.entry() == ("d1", result, ())
