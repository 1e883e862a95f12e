"""Run the real audit on a source, then the Python fixes at the reported lines."""

from __future__ import annotations

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.fixes.python_fixer import PYTHON_FIX_CODES, fix_python
from tests.conftest import DEFAULT_PATH, run_source

__all__ = ["fix_source", "wanted_lines"]


def wanted_lines(
    source: str, path: str = DEFAULT_PATH, codes: frozenset[str] = PYTHON_FIX_CODES
) -> dict[str, frozenset[int]]:
    """Return the lines where the engine reports each fixable code.

    Args:
        source: Python source.
        path: Where the source pretends to live.
        codes: The codes to run.

    Returns:
        Code to reported lines.
    """
    found: dict[str, set[int]] = {}
    for finding in run_source(source, select=sorted(codes), path=path):
        if finding.line is not None:
            found.setdefault(finding.code, set()).add(finding.line)
    return {code: frozenset(lines) for code, lines in found.items()}


def fix_source(
    source: str, path: str = DEFAULT_PATH, codes: frozenset[str] = PYTHON_FIX_CODES
) -> str | None:
    """Fix a source where the engine reports the given codes.

    Args:
        source: Python source.
        path: Where the source pretends to live.
        codes: The codes to run and fix.

    Returns:
        The fixed source, or None when nothing changes.
    """
    return fix_python(
        source, wanted_lines(source, path, codes), describe_file(path, "app")
    )
