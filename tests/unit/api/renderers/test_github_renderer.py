"""Tests for GitHub workflow commands."""

from __future__ import annotations

from strictpy.api.renderers.github_renderer import github_line
from strictpy.domain.findings import Finding, Span


def test_located_finding() -> None:
    """A located finding carries file, line, columns and a title."""
    line = github_line(
        Finding("SP101", "todo-comment", "Comment 50%", "src/a,b.py", Span(3, 5, 3, 9))
    )
    assert line == (
        "::error file=src/a%2Cb.py,line=3,col=5,endLine=3,endColumn=9,"
        "title=SP101 todo-comment::SP101 Comment 50%25"
    )


def test_whole_file_finding() -> None:
    """A finding without a line names only the file."""
    line = github_line(
        Finding("SP705", "missing-project-file", "Missing\nfile", "Dockerfile")
    )
    assert (
        line
        == "::error file=Dockerfile,title=SP705 missing-project-file::SP705 Missing%0Afile"
    )
