"""Tests for cache lines: encoded whole, decoded part by part, never trusted."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.adapters import cache_codec
from strictpy.adapters.cache_codec import (
    BodyRef,
    CacheCorruptError,
    StoredFile,
    encode_entry,
    index_line,
)
from strictpy.domain.facts import CallFact, ClassFact, FieldFact, FileFacts, ImportFact
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
REF = BodyRef(10, 20, 30)


def _stored(
    result: FileResult, digest: str = "d1", shared: dict[str, str] | None = None
) -> StoredFile:
    """Encode a result and read it back as a stored entry, its body in memory.

    Args:
        result: The result.
        digest: Its digest.
        shared: Texts shared between entries.

    Returns:
        The stored entry.
    """
    head, body = encode_entry(result.path, (digest, result, ()))

    def read_body(ref: BodyRef) -> str:
        """Return the body, checking the reference the index line carries.

        Args:
            ref: The reference.

        Returns:
            The body.
        """
        assert ref == REF
        return body

    return StoredFile(
        index_line(head, REF), {} if shared is None else shared, read_body
    )


def test_a_line_decodes_back_part_by_part() -> None:
    """Names with tabs and non-ASCII survive; each part decodes on its own."""
    head, body = encode_entry(RESULT.path, ("d1", RESULT, ()))
    assert "\n" not in head + body
    stored = _stored(RESULT)
    assert (stored.name, stored.digest, stored.ref) == (RESULT.path, "d1", REF)
    assert stored.head == head
    assert stored.body() == body
    assert stored.facts() == RESULT.facts
    assert stored.entry() == ("d1", RESULT, ())


@pytest.mark.parametrize(
    "line",
    [
        "",
        "a\tb",
        '1\t"d"\tnull\t[1,2,3]',
        '"a"\t2\tnull\t[1,2,3]',
        '"a"\t"d"\tnull\t[1,2]',
        '"a"\t"d"\tnull\t[1,-2,3]',
        '"a"\t"d"\tnull\t[1,"2",3]',
        '"a"\t"d"\tnull\t[1,2,3]\t[]',
    ],
)
def test_malformed_lines_are_rejected(line: str) -> None:
    """Wrong part counts, non-text names or digests, bad references raise at once.

    Args:
        line: A malformed line.
    """
    with pytest.raises(CacheCorruptError):
        StoredFile(line, {}, lambda _: "")


@pytest.mark.parametrize("body", ["[]\t[]", "[]\t[]\t[]\t[]", '[]\t[["x"]]\t[]'])
def test_malformed_bodies_are_rejected(body: str) -> None:
    """A body with the wrong part count or shapes raises when decoded.

    Args:
        body: A malformed body.
    """
    head, _ = encode_entry(RESULT.path, ("d1", RESULT, ()))
    stored = StoredFile(index_line(head, REF), {}, lambda _: body)
    with pytest.raises(CacheCorruptError):
        stored.entry()


def test_repeated_texts_are_kept_once() -> None:
    """Codes and paths decoded from many lines share one string object."""
    shared: dict[str, str] = {}
    first = _stored(RESULT, "d1", shared).entry()
    second = _stored(RESULT, "d2", shared).entry()
    assert first[1].findings[0].code is second[1].findings[0].code
    assert first[1].findings[0].path is second[1].findings[0].path


def test_facts_are_decoded_once(mocker: MockerFixture) -> None:
    """Project rules and the whole entry share one decoding of the facts.

    Args:
        mocker: Counts the JSON decodings.
    """
    stored = _stored(RESULT)
    decodings = mocker.spy(cache_codec.json, "loads")
    first = stored.facts()
    assert stored.facts() is first
    assert stored.entry()[1].facts is first
    assert decodings.call_count == len(("facts", "excerpt", "findings", "ruff"))


def test_a_line_without_facts_remembers_none() -> None:
    """A run that collected no facts stores none, and none is what decodes."""
    result = FileResult(RESULT.path, RESULT.findings, None, RESULT.excerpt)
    stored = _stored(result)
    assert stored.facts() is None
    assert stored.facts() is None
    assert stored.entry() == ("d1", result, ())


def test_facts_whose_texts_look_like_encoded_objects_round_trip() -> None:
    """Strings that spell class names or the finding tag stay strings."""
    facts = FileFacts(
        RESULT.path,
        classes=(
            ClassFact(
                "~F",
                ("ImportFact", "~F"),
                3,
                keywords=(("metaclass", '{"ImportFact": []}'),),
                fields=(FieldFact("x", has_default=False, aliases=("~F",)),),
            ),
        ),
        calls=(CallFact("f", 1, ("ImportFact", None, "~F"), (("k", "[1]"),)),),
    )
    result = FileResult(RESULT.path, RESULT.findings, facts, RESULT.excerpt)
    stored = _stored(result)
    assert stored.facts() == facts
    assert stored.entry() == ("d1", result, ())


@pytest.mark.parametrize(
    "facts",
    [
        '{"os.system": []}',
        '{"ImportFact": ["os", null, false], "ClassFact": []}',
        '{"ImportFact": "os"}',
        '{"ImportFact": ["os", null, false, "extra"]}',
        '{"FileFacts": ["a.py", [{"Finding": []}]]}',
        '{"ImportFact": ["os", null',
        "[" * 100_000,
    ],
)
def test_objects_outside_the_whitelist_or_misshapen_are_rejected(facts: str) -> None:
    """Unknown classes, several keys, wrong shapes, broken JSON raise.

    Args:
        facts: An encoded facts part.
    """
    head, body = encode_entry(RESULT.path, ("d1", RESULT, ()))
    name, digest, _ = head.split("\t")
    line = index_line("\t".join((name, digest, facts)), REF)
    stored = StoredFile(line, {}, lambda _: body)
    with pytest.raises(CacheCorruptError):
        stored.facts()
