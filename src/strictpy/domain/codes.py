"""Rule codes, families, scopes and severities: the vocabulary of the catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "CODE_PATTERN",
    "FAMILIES",
    "Family",
    "Scope",
    "Severity",
    "family_of",
]

CODE_PATTERN = re.compile(r"^SP\d{3}$")


class Scope(StrEnum):
    """Where a rule runs: on every Python file, or once per project root."""

    FILE = "file"
    PROJECT = "project"


class Severity(StrEnum):
    """How serious a finding is; every strict-mode rule is an error today."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Family:
    """A group of rules sharing the first digit of their code.

    Attributes:
        digit: The first digit of the family's codes.
        slug: The short name used in package names and documentation.
        title: The human-readable title.
        sections: The ruleset sections the family comes from.
    """

    digit: str
    slug: str
    title: str
    sections: str


FAMILIES: MappingProxyType[str, Family] = MappingProxyType(
    {
        "0": Family("0", "engine", "Engine and suppressions", "-"),
        "1": Family("1", "placeholders", "Placeholders", "Zero tolerance 1"),
        "2": Family("2", "typing", "Typing", "3.1"),
        "3": Family("3", "docstrings", "Docstrings", "3.2, 3.4"),
        "4": Family("4", "errors", "Errors and logging", "7"),
        "5": Family("5", "security", "Security", "4"),
        "6": Family("6", "async", "Async and state", "6"),
        "7": Family("7", "layout", "Layout and architecture", "1, 2, 3.3, 8, 10"),
        "8": Family("8", "pyproject", "pyproject, dependencies, tooling", "2, 3.3, 5"),
        "9": Family("9", "containers", "Dockerfile, compose, ignore files", "4.6, 9"),
    }
)


def family_of(code: str) -> Family:
    """Return the family a rule code belongs to.

    Args:
        code: A rule code such as ``SP404``.

    Returns:
        The family named by the code's first digit.
    """
    return FAMILIES[code[2]]
