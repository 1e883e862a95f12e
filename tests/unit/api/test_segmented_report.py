"""Tests for rendering by segments with the last report's segments reused."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from strictpy.api.renderers.json_renderer import JSON_WRITER
from strictpy.api.segmented_report import SegmentIndex, render_by_segments
from strictpy.domain.findings import Finding, Span
from strictpy.services.audit import AuditReport

if TYPE_CHECKING:
    import io


def _console(stream: io.TextIOWrapper) -> Console:
    """Build a plain console writing into a stream.

    Args:
        stream: The text stream.

    Returns:
        The console.
    """
    return Console(file=stream, color_system=None, width=80)


def _finding(path: str, line: int) -> Finding:
    """Build a finding.

    Args:
        path: Its path.
        line: Its line.

    Returns:
        The finding.
    """
    return Finding("SP101", "todo-comment", "m", path, Span(line, 1, line, 2))


def _report(*findings: Finding, kept: tuple[str, ...] = ()) -> AuditReport:
    """Build a report.

    Args:
        *findings: Its fresh findings.
        kept: Files whose segments are reused.

    Returns:
        The report.
    """
    return AuditReport(findings, 3, MappingProxyType({}), kept=kept)


def test_first_segment_moves_behind_a_new_one() -> None:
    """A kept first segment regains its separator once a new file comes first.

    The document stays valid and equal to one rendered from scratch.
    """
    digests = {"b.py": "db", "c.py": "dc"}
    first, index = render_by_segments(
        JSON_WRITER, _report(_finding("b.py", 1), _finding("c.py", 2)), _console,
        None, digests,
    )  # fmt: skip
    reused, _ = render_by_segments(
        JSON_WRITER,
        _report(_finding("a.py", 5), kept=("b.py", "c.py")),
        _console,
        (index, first),
        digests,
    )
    fresh, _ = render_by_segments(
        JSON_WRITER,
        _report(_finding("a.py", 5), _finding("b.py", 1), _finding("c.py", 2)),
        _console,
        None,
        digests,
    )
    assert reused == fresh
    assert [f["path"] for f in json.loads(reused)["findings"]] == [
        "a.py",
        "b.py",
        "c.py",
    ]


def test_second_segment_comes_first_when_the_first_file_is_gone() -> None:
    """A kept segment that becomes the first loses its separator.

    Equal to the same report rendered from scratch, and a valid document.
    """
    digests = {"a.py": "da", "b.py": "db", "c.py": "dc"}
    first, index = render_by_segments(
        JSON_WRITER,
        _report(_finding("a.py", 1), _finding("b.py", 2), _finding("c.py", 3)),
        _console,
        None,
        digests,
    )
    reused, _ = render_by_segments(
        JSON_WRITER, _report(kept=("b.py", "c.py")), _console, (index, first), digests
    )
    fresh, _ = render_by_segments(
        JSON_WRITER,
        _report(_finding("b.py", 2), _finding("c.py", 3)),
        _console,
        None,
        digests,
    )
    assert reused == fresh
    assert [f["path"] for f in json.loads(reused)["findings"]] == ["b.py", "c.py"]


def test_index_round_trips_through_json() -> None:
    """The stored index reads back equal, digests and counts included."""
    output, index = render_by_segments(
        JSON_WRITER, _report(_finding("a.py", 1)), _console, None, {"a.py": "d"}
    )
    data = json.loads(json.dumps(index.to_json()))
    assert SegmentIndex.from_json(data, len(output)) == index


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"body_start": 0, "names": {}, "segments": {"a.py": [0, 999, None, {}]}},
        {"body_start": 0, "names": {}, "segments": {"a.py": [5, 1, None, {}]}},
        {"body_start": 0, "names": {}, "segments": {"a.py": [0, 1, 3, {}]}},
        {"body_start": 0, "names": {}, "segments": {"a.py": [0, 1, None, {"x": "1"}]}},
        {"body_start": "0", "names": {}, "segments": {}},
    ],
)
def test_malformed_indexes_are_refused(data: object) -> None:
    """Out-of-bounds or mistyped rows make the whole index unusable.

    Args:
        data: A stored index.
    """
    assert SegmentIndex.from_json(data, 10) is None
