"""Rendering a report by file segments, reusing the last report's unchanged ones.

After a small edit most files' findings are what the last report showed. For the
line-oriented formats (``renderers.segments``) the report is rendered as a head,
one segment per file and a tail, and the output's index records where each
file's segment lies, the digest of the bytes it was made from and its counts by
code. The next run of the same command line asks the audit to keep files whose
bytes and configuration are unchanged (``AuditRequest.keep``): their findings are
never decoded, and their segments are copied from the last output.
"""

from __future__ import annotations

import importlib
import io
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from strictpy.api.renderers.segments import summarize

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from rich.console import Console

    from strictpy.adapters.last_run_store import StoredBytes
    from strictpy.api.renderers.segments import SegmentWriter
    from strictpy.services.audit import AuditReport
    from strictpy.services.replay import RenderOptions

__all__ = ["SegmentIndex", "StoredSegment", "render_by_segments", "segment_writer"]

WRITERS: MappingProxyType[str, tuple[str, str]] = MappingProxyType(
    {
        "rich": ("rich_renderer", "RICH_WRITER"),
        "concise": ("concise_renderer", "CONCISE_WRITER"),
        "json": ("json_renderer", "JSON_WRITER"),
        "github": ("github_renderer", "GITHUB_WRITER"),
    }
)
SEGMENT_FIELDS = 4


@dataclass(frozen=True, slots=True)
class StoredSegment:
    """Where one file's segment lies in a rendered report.

    Attributes:
        start: Offset of its first byte.
        end: Offset just after its last byte.
        digest: Digest of the file bytes it shows, or None when it may not be
            reused (project findings land on the file, a baseline applied).
        counts: Its findings per code.
    """

    start: int
    end: int
    digest: str | None
    counts: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class SegmentIndex:
    """The segments of a rendered report.

    Attributes:
        body_start: Offset of the first segment (its lead is not in the output).
        names: The name of each code shown.
        segments: Each file's segment, by path.
    """

    body_start: int
    names: Mapping[str, str]
    segments: Mapping[str, StoredSegment]

    def to_json(self) -> dict[str, object]:
        """Return the index as JSON data for the last-run file.

        Returns:
            The data.
        """
        return {
            "body_start": self.body_start,
            "names": dict(self.names),
            "segments": {
                path: [segment.start, segment.end, segment.digest, dict(segment.counts)]
                for path, segment in self.segments.items()
            },
        }

    @staticmethod
    def from_json(data: object, size: int) -> SegmentIndex | None:
        """Read an index stored by ``to_json``, checking every value.

        Args:
            data: The stored data.
            size: The length of the output it indexes.

        Returns:
            The index, or None when it is missing or does not fit the output.
        """
        if not isinstance(data, dict):
            return None
        body_start, names, stored = (
            data.get("body_start"),
            data.get("names"),
            data.get("segments"),
        )
        if not (
            type(body_start) is int
            and isinstance(names, dict)
            and isinstance(stored, dict)
        ):
            return None
        segments: dict[str, StoredSegment] = {}
        for path, row in stored.items():
            segment = _segment(row, body_start, size)
            if segment is None:
                return None
            segments[str(path)] = segment
        return SegmentIndex(
            body_start,
            MappingProxyType({str(k): str(v) for k, v in names.items()}),
            MappingProxyType(segments),
        )


def _segment(row: object, body_start: int, size: int) -> StoredSegment | None:
    """Read one stored segment row.

    Args:
        row: The stored row.
        body_start: Where the body starts in the output.
        size: The length of the output.

    Returns:
        The segment, or None when the row is malformed or out of bounds.
    """
    if not isinstance(row, list) or len(row) != SEGMENT_FIELDS:
        return None
    start, end, digest, counts = row
    valid = (
        type(start) is int
        and type(end) is int
        and body_start <= start <= end <= size
        and (digest is None or isinstance(digest, str))
        and isinstance(counts, dict)
        and all(type(count) is int for count in counts.values())
    )
    if not valid:
        return None
    return StoredSegment(start, end, digest, MappingProxyType(dict(counts)))


def segment_writer(render: RenderOptions) -> SegmentWriter | None:
    """Return the segment writer of a run's format, when it has one.

    Args:
        render: How the report is shown.

    Returns:
        The writer, or None (SARIF, statistics and quiet runs render whole).
    """
    found = WRITERS.get(render.output_format)
    if found is None or render.statistics or render.quiet:
        return None
    module = importlib.import_module(f"strictpy.api.renderers.{found[0]}")
    return cast("SegmentWriter", getattr(module, found[1]))


def render_by_segments(
    writer: SegmentWriter,
    report: AuditReport,
    console_for: Callable[[io.TextIOWrapper], Console],
    previous: tuple[SegmentIndex, StoredBytes] | None,
    digests: Mapping[str, str],
) -> tuple[bytes, SegmentIndex]:
    """Render a report, copying kept files' segments from the last output.

    Args:
        writer: The format.
        report: The report; ``report.kept`` names files whose segments are
            copied from ``previous``.
        console_for: Builds the console that writes into a text stream.
        previous: The last report's index and output (needed when files are kept).
        digests: Digest of the bytes each reusable file's findings come from.

    Returns:
        The output bytes and their index.
    """
    kept = (
        {path: previous[0].segments[path] for path in report.kept} if previous else {}
    )
    old_output = previous[1] if previous else b""
    old_body_start = previous[0].body_start if previous else 0
    summary = summarize(
        report,
        [(segment.counts, previous[0].names) for segment in kept.values()]
        if previous
        else (),
    )
    encoded = io.BytesIO()
    text = io.TextIOWrapper(encoded, encoding="utf-8", newline="", write_through=True)
    console = console_for(text)
    lead = writer.LEAD.encode("utf-8")
    writer.head(summary, console)
    text.flush()
    head = encoded.getvalue()
    # The body is gathered as pieces and joined once: kept segments are views
    # of the last output, so their bytes are copied once, into the result.
    pieces: list[bytes | memoryview] = [head]
    old_view = memoryview(old_output)
    position = body_start = len(head)
    groups = {
        path: list(group)
        for path, group in groupby(report.findings, key=lambda finding: finding.path)
    }
    segments: dict[str, StoredSegment] = {}
    for path in sorted(groups.keys() | kept.keys()):
        start = position
        if path in groups:
            findings = groups[path]
            counts: Mapping[str, int] = Counter(finding.code for finding in findings)
            excerpt = dict(report.excerpts.get(path, ()))
            data = writer.segment(path, findings, excerpt, console).encode("utf-8")
            if not segments:
                data = data.removeprefix(lead)
            pieces.append(data)
            position += len(data)
        else:
            stored = kept[path]
            counts = stored.counts
            first, end = stored.start, stored.end
            if first == old_body_start and segments:
                pieces.append(lead)  # the old first segment was written without it
                position += len(lead)
            elif not segments and old_view[first : first + len(lead)] == lead:
                first += len(lead)  # the new first segment goes without it
            pieces.append(old_view[first:end])
            position += end - first
        segments[path] = StoredSegment(
            start, position, digests.get(path), MappingProxyType(dict(counts))
        )
    encoded.seek(0)
    encoded.truncate()
    writer.tail(summary, console)
    text.flush()
    pieces.append(encoded.getvalue())
    output = b"".join(pieces)
    del pieces
    old_view.release()
    index = SegmentIndex(body_start, MappingProxyType(dict(summary.names)), segments)
    return output, index
