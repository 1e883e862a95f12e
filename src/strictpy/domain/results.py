"""The outcome of checking one file: plain values, free of libcst, cacheable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strictpy.domain.facts import FileFacts
    from strictpy.domain.findings import Finding

__all__ = ["FileResult"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome of checking one file.

    Attributes:
        path: The project-relative path.
        findings: The file's findings after suppression.
        facts: The facts for project rules, or None.
        excerpt: (line, text) pairs around the findings, for code frames.
    """

    path: str
    findings: tuple[Finding, ...]
    facts: FileFacts | None
    excerpt: tuple[tuple[int, str], ...]
