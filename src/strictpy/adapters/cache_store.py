"""The on-disk cache: per-file results and the last run's project findings.

The cache is JSON, never pickle: a cache directory can arrive inside a cloned
repository, and loading it must never run code. Every entry is decoded through an
explicit whitelist of result classes; anything unexpected makes the whole cache
count as absent (never trusted, never fatal). Writes go to a temporary file that
is renamed into place, so concurrent runs see either the old or the new cache.

The file holds a header line, one line per source file and an end line counting
them: a run that re-checked a few files writes every other entry back as the
very line it read, instead of encoding all findings again.
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
CACHE_FORMAT = 2
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by strictpy.\n"
)
TAG = "~"
FINDING_TAG = "~F"
FINDING_FIELDS = 9
SPAN_FIELDS = 4
FRAME_LINES = 3
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
        lines: The encoded line each loaded entry was read from, by path.
    """

    key: str
    files: Mapping[str, CacheEntry]
    project_inputs: str = ""
    project_findings: tuple[Finding, ...] = ()
    report_key: str = ""
    lines: Mapping[str, str] = MappingProxyType({})


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


def _cache_file(root: Path) -> Path:
    """Return the cache file of a project root.

    Args:
        root: The project root.

    Returns:
        The path of the cache file.
    """
    return root / CACHE_DIR / f"results-v{CACHE_FORMAT}.json"


def _decode_entry(line: str, shared: dict[str, str]) -> tuple[str, CacheEntry]:
    """Decode one entry line of a cache file.

    Args:
        line: The line's text.
        shared: Texts already seen in this cache, each kept once.

    Raises:
        CacheCorruptError: If the entry does not have the expected shape.

    Returns:
        The path and its entry.
    """
    name, digest, encoded, encoded_ruff = json.loads(line)
    result = _decode(encoded, shared)
    ruff = _decode(encoded_ruff, shared)
    valid_ruff = isinstance(ruff, tuple) and all(isinstance(f, Finding) for f in ruff)
    if (
        not isinstance(result, FileResult)
        or not isinstance(name, str)
        or not isinstance(digest, str)
        or not valid_ruff
    ):
        message = f"bad entry for {name}"
        raise CacheCorruptError(message)
    return name, (digest, result, ruff)


def _read_cache(root: Path, key: str) -> CacheContents | None:
    """Read and decode a cache file (the body of ``load_cache``).

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Raises:
        CacheCorruptError: If the file does not have the expected shape.

    Returns:
        The cache, or None when it was made with another configuration.
    """
    lines = _cache_file(root).read_text(encoding="utf-8").split("\n")
    head = json.loads(lines[0])
    if not isinstance(head, dict) or head.get("format") != CACHE_FORMAT:
        return None
    if head.get("key") != key:
        return None
    # Header, entries, an end line counting the entries, then the empty remainder
    # after the final newline: a cache cut short anywhere is recognised as such.
    if len(lines) < FRAME_LINES or lines[-1]:
        message = "cache file is incomplete"
        raise CacheCorruptError(message)
    end = json.loads(lines[-2])
    if not isinstance(end, dict) or end.get("entries") != len(lines) - FRAME_LINES:
        message = "cache file is incomplete"
        raise CacheCorruptError(message)
    shared: dict[str, str] = {}
    files: dict[str, CacheEntry] = {}
    raw: dict[str, str] = {}
    for line in lines[1:-2]:
        name, entry = _decode_entry(line, shared)
        files[name] = entry
        raw[name] = line
    project = _decode(head.get("project_findings", []), shared)
    if not isinstance(project, tuple) or not all(
        isinstance(f, Finding) for f in project
    ):
        return None
    return CacheContents(
        key=key,
        files=MappingProxyType(files),
        project_inputs=str(head.get("project_inputs", "")),
        project_findings=project,
        report_key=str(head.get("report_key", "")),
        lines=MappingProxyType(raw),
    )


def load_cache(root: Path, key: str) -> CacheContents | None:
    """Load the cache of a root if it was made with the same configuration.

    Args:
        root: The project root.
        key: The configuration fingerprint the caller will use.

    Returns:
        The cache, or None when missing, foreign, stale or corrupt.
    """
    try:
        return _read_cache(root, key)
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


def save_cache(
    root: Path, contents: CacheContents, reusable: CacheContents | None = None
) -> None:
    """Write the cache atomically; failures to write are ignored (it is a cache).

    Args:
        root: The project root.
        contents: What to store.
        reusable: The cache this run loaded: an entry that is still the very
            object loaded from it is written back as the line it was read from.
    """
    folder = root / CACHE_DIR
    head = {
        "format": CACHE_FORMAT,
        "key": contents.key,
        "report_key": contents.report_key,
        "project_inputs": contents.project_inputs,
        "project_findings": _encode(contents.project_findings),
    }
    loaded = reusable.files if reusable is not None else {}
    lines = reusable.lines if reusable is not None else {}
    temporary: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        _write_marker(folder / ".gitignore", "*\n")
        _write_marker(folder / "CACHEDIR.TAG", CACHEDIR_TAG)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=".tmp-", delete=False
        ) as stream:
            temporary = Path(stream.name)
            stream.write(json.dumps(head, separators=(",", ":")) + "\n")
            # Written entry by entry: the whole document at once would hold every
            # finding twice more in memory.
            for name, entry in sorted(contents.files.items()):
                if loaded.get(name) is entry and name in lines:
                    stream.write(lines[name] + "\n")
                    continue
                digest, result, ruff = entry
                row = [name, digest, _encode(result), _encode(ruff)]
                stream.write(json.dumps(row, separators=(",", ":")) + "\n")
            stream.write(json.dumps({"entries": len(contents.files)}) + "\n")
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
