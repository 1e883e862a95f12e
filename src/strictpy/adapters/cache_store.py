"""The on-disk cache: per-file results and the last run's project findings.

The cache is JSON, never pickle: a cache directory can arrive inside a cloned
repository, and loading it must never run code. Every entry is decoded through an
explicit whitelist of result classes; anything unexpected makes the whole cache
count as absent (never trusted, never fatal). Writes go to a temporary file that
is renamed into place, so concurrent runs see either the old or the new cache.
This module imports neither libcst nor pydantic: a warm run stays light.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from strictpy.domain import facts as facts_module
from strictpy.domain.codes import Severity
from strictpy.domain.findings import Finding, Span
from strictpy.domain.results import FileResult
from strictpy.exceptions import ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CACHE_DIR",
    "CacheContents",
    "CacheEntry",
    "load_cache",
    "load_last_run",
    "save_cache",
    "save_last_run",
]

CACHE_DIR = ".strictpy_cache"
CACHE_FORMAT = 1
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by strictpy.\n"
)
TAG = "~"
FINDING_TAG = "~F"
FINDING_FIELDS = 9
SPAN_FIELDS = 4
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
    """Raised internally when a cache file does not decode as expected."""


@dataclass(frozen=True, slots=True)
class CacheContents:
    """What a cache file holds for one configuration.

    Attributes:
        key: The configuration fingerprint the entries were made with.
        files: Path to (content hash, result, ruff findings).
        project_inputs: Fingerprint of everything project rules read.
        project_findings: The project-level findings of that run.
        report_key: Fingerprint of the raw inputs of the whole last run.
    """

    key: str
    files: Mapping[str, CacheEntry]
    project_inputs: str = ""
    project_findings: tuple[Finding, ...] = ()
    report_key: str = ""


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


def _finding_from_row(row: object) -> Finding:
    """Decode a finding row, checking every field's type.

    Args:
        row: The encoded row.

    Raises:
        CacheCorruptError: If the row does not have the expected shape.

    Returns:
        The finding.
    """
    if not isinstance(row, list) or len(row) != FINDING_FIELDS:
        reason = "bad finding row"
        raise CacheCorruptError(reason)
    code, name, message, path, span, severity, fixable, source, fingerprint = row
    texts = (code, name, message, path, severity, source, fingerprint)
    span_ok = span is None or (
        isinstance(span, list)
        and len(span) == SPAN_FIELDS
        and all(isinstance(n, int) for n in span)
    )
    if (
        not all(isinstance(text, str) for text in texts)
        or not span_ok
        or not isinstance(fixable, bool)
    ):
        reason = "bad finding fields"
        raise CacheCorruptError(reason)
    return Finding(
        code=code,
        name=name,
        message=message,
        path=path,
        span=Span(*span) if span else None,
        severity=Severity(severity),
        fixable=fixable,
        source=source,
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


def _decode(data: object) -> object:
    """Rebuild result values from JSON data through the whitelist.

    Args:
        data: Decoded JSON.

    Raises:
        CacheCorruptError: If a tag names a class outside the whitelist or the
            fields do not fit it.

    Returns:
        The values, with lists as tuples.
    """
    if isinstance(data, list):
        return tuple(_decode(item) for item in data)
    if not isinstance(data, dict):
        return data
    if FINDING_TAG in data:
        return _finding_from_row(data[FINDING_TAG])
    cls = DECODABLE.get(str(data.get(TAG)))
    if cls is None:
        message = "unknown class in cache"
        raise CacheCorruptError(message)
    values = {key: _decode(value) for key, value in data.items() if key != TAG}
    if cls is Finding:
        values["severity"] = Severity(values.get("severity", "error"))
    try:
        return cls(**values)
    except TypeError as error:
        raise CacheCorruptError(str(error)) from None


def _cache_file(root: Path) -> Path:
    """Return the cache file of a project root.

    Args:
        root: The project root.

    Returns:
        The path of the cache file.
    """
    return root / CACHE_DIR / f"results-v{CACHE_FORMAT}.json"


def _decode_entries(raw: object) -> dict[str, CacheEntry]:
    """Decode the per-file entries of a cache document.

    Args:
        raw: The document's ``files`` value.

    Raises:
        CacheCorruptError: If an entry does not have the expected shape.

    Returns:
        Path to entry.
    """
    if not isinstance(raw, dict):
        message = "files is not an object"
        raise CacheCorruptError(message)
    files: dict[str, CacheEntry] = {}
    for name, (digest, encoded, encoded_ruff) in raw.items():
        result = _decode(encoded)
        ruff = _decode(encoded_ruff)
        valid_ruff = isinstance(ruff, tuple) and all(
            isinstance(f, Finding) for f in ruff
        )
        if (
            not isinstance(result, FileResult)
            or not isinstance(digest, str)
            or not valid_ruff
        ):
            message = f"bad entry for {name}"
            raise CacheCorruptError(message)
        files[name] = (digest, result, ruff)
    return files


def load_cache(root: Path, key: str) -> CacheContents | None:
    """Load the cache of a root if it was made with the same configuration.

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Returns:
        The cache, or None when missing, foreign, stale or corrupt.
    """
    try:
        document = json.loads(_cache_file(root).read_bytes())
        if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
            return None
        if document.get("key") != key:
            return None
        files = _decode_entries(document["files"])
        project = _decode(document.get("project_findings", []))
        if not isinstance(project, tuple) or not all(
            isinstance(f, Finding) for f in project
        ):
            return None
        return CacheContents(
            key=key,
            files=MappingProxyType(files),
            project_inputs=str(document.get("project_inputs", "")),
            project_findings=project,
            report_key=str(document.get("report_key", "")),
        )
    except (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        CacheCorruptError,
    ):
        return None


def save_cache(root: Path, contents: CacheContents) -> None:
    """Write the cache atomically; failures to write are ignored (it is a cache).

    Args:
        root: The project root.
        contents: What to store.
    """
    folder = root / CACHE_DIR
    head = {
        "format": CACHE_FORMAT,
        "key": contents.key,
        "report_key": contents.report_key,
        "project_inputs": contents.project_inputs,
        "project_findings": _encode(contents.project_findings),
    }
    temporary: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        _write_marker(folder / ".gitignore", "*\n")
        _write_marker(folder / "CACHEDIR.TAG", CACHEDIR_TAG)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=".tmp-", delete=False
        ) as stream:
            temporary = Path(stream.name)
            # Written entry by entry: the whole document at once would hold every
            # finding twice more in memory.
            stream.write(json.dumps(head, separators=(",", ":"))[:-1] + ',"files":{')
            for index, (name, (digest, result, ruff)) in enumerate(
                sorted(contents.files.items())
            ):
                entry = [digest, _encode(result), _encode(ruff)]
                separator = "," if index else ""
                stream.write(
                    f"{separator}{json.dumps(name)}:{json.dumps(entry, separators=(',', ':'))}"
                )
            stream.write("}}")
        temporary.replace(_cache_file(root))
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _write_marker(path: Path, text: str) -> None:
    """Write a small marker file once.

    Args:
        path: The marker's path.
        text: Its content.
    """
    if not path.exists():
        path.write_text(text, encoding="utf-8")


def _last_run_files(root: Path) -> tuple[Path, Path]:
    """Return the files that hold the last run's replay data.

    Args:
        root: The project root.

    Returns:
        The metadata file and the output file.
    """
    folder = root / CACHE_DIR
    return (
        folder / f"last-run-v{CACHE_FORMAT}.json",
        folder / f"last-output-v{CACHE_FORMAT}",
    )


def load_last_run(root: Path) -> tuple[dict[str, object], bytes] | None:
    """Load the last run's metadata and rendered output.

    Args:
        root: The project root.

    Returns:
        The metadata and output bytes, or None when missing or unreadable.
    """
    meta_file, output_file = _last_run_files(root)
    try:
        meta = json.loads(meta_file.read_bytes())
        output = output_file.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT:
        return None
    return meta, output


def save_last_run(root: Path, meta: dict[str, object], output: bytes) -> None:
    """Store the last run's metadata and output, atomically; failures are ignored.

    Args:
        root: The project root.
        meta: JSON-ready metadata (the inputs' fingerprints, exit code...).
        output: The rendered report.
    """
    meta_file, output_file = _last_run_files(root)
    folder = meta_file.parent
    try:
        folder.mkdir(exist_ok=True)
        _write_marker(folder / ".gitignore", "*\n")
        _write_marker(folder / "CACHEDIR.TAG", CACHEDIR_TAG)
        for target, data in (
            (output_file, output),
            (meta_file, json.dumps({**meta, "format": CACHE_FORMAT}).encode()),
        ):
            with tempfile.NamedTemporaryFile(
                dir=folder, prefix=".tmp-", delete=False
            ) as stream:
                stream.write(data)
                temporary = Path(stream.name)
            temporary.replace(target)
    except OSError:
        return
