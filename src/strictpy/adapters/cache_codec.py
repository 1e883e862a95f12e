"""Encoding per-file results for the cache, and decoding them piece by piece.

Results are encoded as JSON data: findings as flat rows (they are most of a
cache's volume), other result classes (facts) as one-key objects naming the
class, holding its fields' values in order (``{"ImportFact": ["os", null,
false]}``; a fact's own values never include an object, so the form cannot be
mistaken). They are rebuilt by ``json.loads``'s object hook while the text is
parsed, only through an explicit whitelist (a cache can arrive inside a cloned
repository: loading it must never run code, and anything unexpected is an
error, never trusted). Every run that checks a file decodes every file's facts
for the project rules: built positionally, in the parser's own pass, they cost
two thirds of keyword objects decoded afterwards.

A file's entry has two parts, kept in two files by ``cache_store``. Its *index
line* is what every run with a cache reads: tab-separated JSON texts (JSON never
holds a raw tab or newline) of the name, the digest, the facts project rules
need, and a reference to its *body*. The body holds the excerpt, the findings
and the Ruff findings: most of the volume, read only for files whose findings
are reported again. Each part is decoded only when asked for, and an unchanged
entry is written back as the index line it was read from.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from strictpy.domain import facts as facts_module
from strictpy.domain.codes import Severity
from strictpy.domain.facts import FileFacts
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult
from strictpy.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "BodyRef",
    "CacheCorruptError",
    "CacheEntry",
    "StoredFile",
    "encode_entry",
    "index_line",
]

FINDING_TAG = "~F"
FINDING_FIELDS = 9
SPAN_FIELDS = 4
HEAD_PARTS = 3  # name, digest, facts
BODY_PARTS = 3  # excerpt, findings, Ruff findings
LINE_PARTS = HEAD_PARTS + 1  # and the body's reference
REF_FIELDS = 3
SEVERITIES: MappingProxyType[object, Severity] = MappingProxyType(
    {severity.value: severity for severity in Severity}
)
DECODABLE: MappingProxyType[str, type[Any]] = MappingProxyType(
    {
        name: getattr(facts_module, name)
        for name in facts_module.__all__
        if dataclasses.is_dataclass(getattr(facts_module, name))
    }
)


type CacheEntry = tuple[str, FileResult, tuple[Finding, ...]]


class CacheCorruptError(ValidationError):
    """Raised when cached data does not decode as expected."""


@dataclass(frozen=True, slots=True)
class BodyRef:
    """Where an entry's body lies in the bodies file, and how to recognise it.

    Attributes:
        offset: Offset of its first byte.
        length: Its length in bytes (without the newline that follows it).
        check: The CRC-32 of those bytes.
    """

    offset: int
    length: int
    check: int

    def to_text(self) -> str:
        """Encode the reference as it is stored on the index line.

        Returns:
            A JSON array.
        """
        return f"[{self.offset},{self.length},{self.check}]"

    @staticmethod
    def from_text(text: str) -> BodyRef:
        """Decode a stored reference, checking its shape.

        Args:
            text: The stored JSON array.

        Raises:
            CacheCorruptError: If it is not three non-negative integers.

        Returns:
            The reference.
        """
        data = json.loads(text)
        if (
            type(data) is not list
            or len(data) != REF_FIELDS
            or not all(type(value) is int and value >= 0 for value in data)
        ):
            message = "bad body reference"
            raise CacheCorruptError(message)
        return BodyRef(*data)


type BodyReader = Callable[[BodyRef], str]


def _finding_row(finding: Finding) -> list[object]:
    """Encode a finding compactly: findings are most of a cache's volume.

    Args:
        finding: The finding.

    Returns:
        A flat list of its fields.
    """
    span = finding.span
    return [
        finding.code,
        finding.name,
        finding.message,
        finding.path,
        [span.line, span.column, span.end_line, span.end_column] if span else None,
        finding.severity.value,
        finding.fixable,
        finding.source,
        finding.fingerprint,
    ]


def _finding_from_row(row: object, shared: dict[str, str]) -> Finding:
    """Decode a finding row, checking every field's type.

    Checks are plain ``type() is`` comparisons: a cache holds tens of thousands of
    findings and this runs for each. Repeated texts (codes, names, paths) are
    shared through ``shared`` instead of kept once per finding.

    Args:
        row: The encoded row.
        shared: Texts already seen in this cache, each kept once.

    Raises:
        CacheCorruptError: If the row does not have the expected shape.

    Returns:
        The finding.
    """
    if type(row) is not list or len(row) != FINDING_FIELDS:
        reason = "bad finding row"
        raise CacheCorruptError(reason)
    code, name, message, path, span, severity, fixable, source, fingerprint = row
    texts_ok = (
        type(code)
        is type(name)
        is type(message)
        is type(path)
        is type(source)
        is type(fingerprint)
        is str
    )
    span_ok = span is None or (
        type(span) is list
        and len(span) == SPAN_FIELDS
        and type(span[0]) is type(span[1]) is type(span[2]) is type(span[3]) is int
    )
    level = SEVERITIES.get(severity) if type(severity) is str else None
    if not (texts_ok and span_ok) or level is None or type(fixable) is not bool:
        reason = "bad finding fields"
        raise CacheCorruptError(reason)
    return Finding(
        code=shared.setdefault(code, code),
        name=shared.setdefault(name, name),
        message=message,
        path=shared.setdefault(path, path),
        span=Span(*span) if span else None,
        severity=level,
        fixable=fixable,
        source=shared.setdefault(source, source),
        fingerprint=fingerprint,
    )


def _encode(value: object) -> object:
    """Turn result values into JSON data: findings as rows, other classes named.

    Args:
        value: A result, finding, fact, tuple or primitive.

    Returns:
        JSON-ready data.
    """
    if isinstance(value, Finding):
        return {FINDING_TAG: _finding_row(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            type(value).__name__: [
                _encode(getattr(value, field.name))
                for field in dataclasses.fields(value)
            ]
        }
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    return value


def _tuples(items: list[object]) -> tuple[object, ...]:
    """Turn a decoded list, and the lists inside it, into tuples.

    Args:
        items: A list from the JSON text.

    Returns:
        The same values as tuples.
    """
    return tuple([_tuples(item) if type(item) is list else item for item in items])


def _object(shared: dict[str, str], data: dict[str, object]) -> object:
    """Rebuild one encoded object as the JSON text is parsed (the object hook).

    Args:
        shared: Texts already seen in this cache, each kept once.
        data: The parsed object: one key, the class (or the finding tag).

    Raises:
        CacheCorruptError: If the object names a class outside the whitelist or
            its values do not fit it.

    Returns:
        The finding or fact.
    """
    if len(data) != 1:
        message = "bad object in cache"
        raise CacheCorruptError(message)
    ((tag, values),) = data.items()
    if tag == FINDING_TAG:
        return _finding_from_row(values, shared)
    cls = DECODABLE.get(tag)
    if cls is None or type(values) is not list:
        message = "unknown class in cache"
        raise CacheCorruptError(message)
    try:
        return cls(*[_tuples(item) if type(item) is list else item for item in values])
    except TypeError as error:
        raise CacheCorruptError(str(error)) from None


def _decode(text: str, shared: dict[str, str]) -> object:
    """Decode one part of a line through the whitelist, lists as tuples.

    Args:
        text: The part's JSON text.
        shared: Texts already seen in this cache, each kept once.

    Raises:
        CacheCorruptError: If the text is not JSON, or not what was encoded.

    Returns:
        The values.
    """
    try:
        data = json.loads(text, object_hook=functools.partial(_object, shared))
    except (ValueError, RecursionError) as error:
        # Text a checksum vouches for is still not trusted to be JSON.
        raise CacheCorruptError(type(error).__name__) from None
    return _tuples(data) if type(data) is list else data


def _compact(value: object) -> str:
    """Encode JSON data on one line without spaces.

    Args:
        value: JSON-ready data.

    Returns:
        The JSON text.
    """
    return json.dumps(value, separators=(",", ":"))


def encode_entry(name: str, entry: CacheEntry) -> tuple[str, str]:
    """Encode one file's entry as its index line's head and its body.

    Args:
        name: The file's relative path.
        entry: Its digest, result and Ruff findings.

    Returns:
        The head (name, digest, facts) and the body (excerpt, findings, Ruff
        findings), each one line without its newline.
    """
    digest, result, ruff = entry
    head = (_compact(name), _compact(digest), _compact(_encode(result.facts)))
    body = (
        _compact(_encode(result.excerpt)),
        _compact(_encode(result.findings)),
        _compact(_encode(ruff)),
    )
    return "\t".join(head), "\t".join(body)


def index_line(head: str, ref: BodyRef) -> str:
    """Join an entry's head and its body's reference into its index line.

    Args:
        head: The head from ``encode_entry``.
        ref: Where the body was written.

    Returns:
        The index line, without its newline.
    """
    return f"{head}\t{ref.to_text()}"


class _NotDecoded:
    """The type of ``NOT_DECODED``: a part not decoded yet."""


NOT_DECODED = _NotDecoded()


class StoredFile:
    """One file's entry as read from the cache, decoded part by part on demand.

    Attributes:
        name: The file's relative path.
        digest: The digest of the bytes the entry was made from.
        line: The index line it was read from (written back unchanged).
        ref: Where its body lies.
    """

    __slots__ = (
        "_facts",
        "_parts",
        "_read_body",
        "_shared",
        "digest",
        "line",
        "name",
        "ref",
    )

    def __init__(
        self, line: str, shared: dict[str, str], read_body: BodyReader
    ) -> None:
        """Split an index line; only the name, digest and reference are decoded.

        Args:
            line: The index line, without its newline.
            shared: Texts already seen in this cache, each kept once.
            read_body: Reads a body (raising ``CacheCorruptError`` when it is
                not what the reference describes).

        Raises:
            CacheCorruptError: If the line does not have the expected shape.
        """
        parts = line.split("\t")
        if len(parts) != LINE_PARTS:
            message = "bad cache line"
            raise CacheCorruptError(message)
        name, digest = json.loads(parts[0]), json.loads(parts[1])
        if type(name) is not str or type(digest) is not str:
            message = "bad cache line"
            raise CacheCorruptError(message)
        self.name = name
        self.digest = digest
        self.line = line
        self.ref = BodyRef.from_text(parts[HEAD_PARTS])
        self._parts = parts
        self._shared = shared
        self._read_body = read_body
        # Decoded once: project rules and the whole entry both read the facts.
        self._facts: FileFacts | _NotDecoded | None = NOT_DECODED

    @property
    def head(self) -> str:
        """Return the index line without the body's reference.

        Returns:
            The head, as ``encode_entry`` made it.
        """
        return "\t".join(self._parts[:HEAD_PARTS])

    def body(self) -> str:
        """Read the entry's body as it was written.

        Returns:
            The body line, without its newline.
        """
        return self._read_body(self.ref)

    def facts(self) -> FileFacts | None:
        """Decode the file's facts for project rules.

        Raises:
            CacheCorruptError: If they do not decode as facts.

        Returns:
            The facts, or None when the run collected none.
        """
        if not isinstance(self._facts, _NotDecoded):
            return self._facts
        facts = _decode(self._parts[2], self._shared)
        if facts is not None and not isinstance(facts, FileFacts):
            message = f"bad facts for {self.name}"
            raise CacheCorruptError(message)
        self._facts = facts
        return facts

    def entry(self) -> CacheEntry:
        """Decode the whole entry, reading its body.

        Raises:
            CacheCorruptError: If the body cannot be read or a part does not
                decode as expected.

        Returns:
            The digest, the file's result and its Ruff findings.
        """
        parts = self.body().split("\t")
        if len(parts) != BODY_PARTS:
            message = f"bad body for {self.name}"
            raise CacheCorruptError(message)
        excerpt, findings, ruff = (_decode(part, self._shared) for part in parts)
        excerpt_ok = isinstance(excerpt, tuple) and all(
            isinstance(pair, tuple)
            and len(pair) == len(("line", "text"))
            and type(pair[0]) is int
            and type(pair[1]) is str
            for pair in excerpt
        )
        findings_ok = all(
            isinstance(group, tuple) and all(type(f) is Finding for f in group)
            for group in (findings, ruff)
        )
        if not (excerpt_ok and findings_ok):
            message = f"bad entry for {self.name}"
            raise CacheCorruptError(message)
        result = FileResult(
            self.name,
            cast("tuple[Finding, ...]", findings),
            self.facts(),
            cast("tuple[tuple[int, str], ...]", excerpt),
        )
        return self.digest, result, cast("tuple[Finding, ...]", ruff)
