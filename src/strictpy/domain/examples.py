"""Examples a rule carries: documentation for ``strictpy rule`` and test cases at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Invalid", "ProjectInvalid", "ProjectValid", "Valid"]

DEFAULT_EXAMPLE_PATH = "src/app/services/example.py"


@dataclass(frozen=True, slots=True)
class Valid:
    """Python code on which the rule must stay silent.

    Attributes:
        code: The example's source text.
        path: Where the example pretends to live (layer rules care).
        also_select: Other codes the example runs with (suppression rules).
    """

    code: str
    path: str = DEFAULT_EXAMPLE_PATH
    also_select: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Invalid:
    """Python code on which the rule must report.

    Attributes:
        code: The example's source text.
        line: The 1-based line that must be reported, when it matters.
        path: Where the example pretends to live.
        expected_fix: The source after ``--fix``, for fixable rules.
        also_select: Other codes the example runs with (suppression rules).
    """

    code: str
    line: int | None = None
    path: str = DEFAULT_EXAMPLE_PATH
    expected_fix: str | None = None
    also_select: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectValid:
    """A small project on which a project rule must stay silent.

    Attributes:
        files: Relative path to file text.
    """

    files: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({})
    )


@dataclass(frozen=True, slots=True)
class ProjectInvalid:
    """A small project on which a project rule must report.

    Attributes:
        files: Relative path to file text.
        path: The path the finding must name.
        line: The line it must name, or None for a whole or missing file.
        expected_files: The files after ``--fix``, for fixable rules.
    """

    files: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({})
    )
    path: str | None = None
    line: int | None = None
    expected_files: MappingProxyType[str, str] | None = None
