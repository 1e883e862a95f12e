"""A project input that could not be parsed, and the check for binary content.

Container inputs that BuildKit rejects, compose files that are not YAML and
ignore files holding binary garbage become one ``SP000`` finding each; the rest
of the audit goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InputProblem", "binary_problem"]

# The adapter decodes with errors="replace": undecodable bytes become U+FFFD.
REPLACEMENT = "\ufffd"
BINARY_MARKERS = ("\x00", REPLACEMENT)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Why a project file could not be read as what it must be.

    Attributes:
        path: The project-relative path.
        line: The 1-based line of the problem, or None when unknown.
        reason: The parser's message.
    """

    path: str
    line: int | None
    reason: str


def binary_problem(path: str, text: str) -> InputProblem | None:
    """Report a file whose text holds NUL bytes or undecodable bytes.

    Args:
        path: The project-relative path.
        text: The file's text as the adapter decoded it.

    Returns:
        The problem, at the first offending line, or None for a text file.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if any(marker in line for marker in BINARY_MARKERS):
            reason = "not a UTF-8 text file (NUL or undecodable bytes)"
            return InputProblem(path, number, reason)
    return None
