"""Encoding per-file results for the cache, and decoding them piece by piece.

Results are encoded as JSON data: findings as flat rows (they are most of a
cache's volume), other result classes as objects tagged with their class name,
decoded only through an explicit whitelist (a cache can arrive inside a cloned
repository: loading it must never run code, and anything unexpected is an
error, never trusted).

A stored file is one line of tab-separated JSON texts (JSON never holds a raw
tab or newline): name, digest, facts, excerpt, findings, Ruff findings. Each part
is decoded only when asked for, so a run that re-renders nothing of an unchanged
file never builds its findings; an unchanged entry is written back as the line
it was read from.
"""

from __future__ import annotations

import dataclasses
import json
from types import MappingProxyType
from typing import Any, cast

from strictpy.domain import facts as facts_module
from strictpy.domain.codes import Severity
from strictpy.domain.facts import FileFacts
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult
from strictpy.exceptions import ValidationError

__all__ = ["CacheCorruptError", "CacheEntry", "StoredFile", "encode_entry"]

TAG = "~"
FINDING_TAG = "~F"
FINDING_FIELDS = 9
SPAN_FIELDS = 4
LINE_PARTS = 6
SEVERITIES: MappingProxyType[object, Severity] = MappingProxyType(
    {severity.value: severity for severity in Severity}
)
DECODABLE: MappingProxyType[str, type[Any]] = MappingProxyType(
    {
        **{
            name: getattr(facts_module, name)
            for name in facts_module.__all__
            if dataclasses.is_dataclass(getattr(facts_module, name))
        },
        "Finding": Finding,
        "Span": Span,
        "FileResult": FileResult,
    }
)


type CacheEntry = tuple[str, FileResult, tuple[Finding, ...]]


class CacheCorruptError(ValidationError):
    """Raised when cached data does not decode as expected."""


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
    """Turn result values into JSON data, tagging dataclasses by class name.

    Args:
        value: A result, finding, fact, tuple or primitive.

    Returns:
        JSON-ready data.
    """
    if isinstance(value, Finding):
        return {FINDING_TAG: _finding_row(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, object] = {TAG: type(value).__name__}
        for field in dataclasses.fields(value):
            data[field.name] = _encode(getattr(value, field.name))
        return data
    if isinstance(value, (tuple, list)):
        return [_encode(item) for item in value]
    if isinstance(value, Severity):
        return value.value
    return value


def _decode(data: object, shared: dict[str, str]) -> object:
    """Rebuild result values from JSON data through the whitelist.

    Args:
        data: Decoded JSON.
        shared: Texts already seen in this cache, each kept once.

    Raises:
        CacheCorruptError: If a tag names a class outside the whitelist or the
            fields do not fit it.

    Returns:
        The values, with lists as tuples.
    """
    if isinstance(data, list):
        return tuple([_decode(item, shared) for item in data])
    if not isinstance(data, dict):
        return data
    if FINDING_TAG in data:
        return _finding_from_row(data[FINDING_TAG], shared)
    cls = DECODABLE.get(str(data.get(TAG)))
    if cls is None:
        message = "unknown class in cache"
        raise CacheCorruptError(message)
    values = {key: _decode(value, shared) for key, value in data.items() if key != TAG}
    if cls is Finding:
        values["severity"] = Severity(values.get("severity", "error"))
    try:
        return cls(**values)
    except TypeError as error:
        raise CacheCorruptError(str(error)) from None


def _compact(value: object) -> str:
    """Encode JSON data on one line without spaces.

    Args:
        value: JSON-ready data.

    Returns:
        The JSON text.
    """
    return json.dumps(value, separators=(",", ":"))


def encode_entry(name: str, entry: CacheEntry) -> str:
    """Encode one file's entry as a cache line (without the newline).

    Args:
        name: The file's relative path.
        entry: Its digest, result and Ruff findings.

    Returns:
        The line.
    """
    digest, result, ruff = entry
    parts = (
        _compact(name),
        _compact(digest),
        _compact(_encode(result.facts)),
        _compact(_encode(result.excerpt)),
        _compact(_encode(result.findings)),
        _compact(_encode(ruff)),
    )
    return "\t".join(parts)


class _NotDecoded:
    """The type of ``NOT_DECODED``: a part not decoded yet."""


NOT_DECODED = _NotDecoded()


class StoredFile:
    """One file's entry as read from the cache, decoded part by part on demand.

    Attributes:
        name: The file's relative path.
        digest: The digest of the bytes the entry was made from.
        line: The line it was read from (written back unchanged).
    """

    __slots__ = ("_facts", "_parts", "_shared", "digest", "line", "name")

    def __init__(self, line: str, shared: dict[str, str]) -> None:
        """Split a cache line; only the name and digest are decoded here.

        Args:
            line: The line, without its newline.
            shared: Texts already seen in this cache, each kept once.

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
        self._parts = parts
        self._shared = shared
        # Decoded once: project rules and the whole entry both read the facts.
        self._facts: FileFacts | _NotDecoded | None = NOT_DECODED

    def _part(self, index: int) -> object:
        """Decode one part of the line.

        Args:
            index: The part's position.

        Returns:
            The decoded value.
        """
        return _decode(json.loads(self._parts[index]), self._shared)

    def facts(self) -> FileFacts | None:
        """Decode the file's facts for project rules.

        Raises:
            CacheCorruptError: If they do not decode as facts.

        Returns:
            The facts, or None when the run collected none.
        """
        if not isinstance(self._facts, _NotDecoded):
            return self._facts
        facts = self._part(2)
        if facts is not None and not isinstance(facts, FileFacts):
            message = f"bad facts for {self.name}"
            raise CacheCorruptError(message)
        self._facts = facts
        return facts

    def entry(self) -> CacheEntry:
        """Decode the whole entry.

        Raises:
            CacheCorruptError: If a part does not decode as expected.

        Returns:
            The digest, the file's result and its Ruff findings.
        """
        excerpt, findings, ruff = self._part(3), self._part(4), self._part(5)
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
