"""SP803 python-version: ``requires-python``'s lower bound is not 3.13."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import PYTHON_VERSION

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["PythonVersion", "lower_bound"]

PYPROJECT = "pyproject.toml"
LOWER_CLAUSE = re.compile(r"^(>=|~=|==|>)\s*(\d+(?:\.\d+)*)(\.\*)?$")


def _release(text: str) -> tuple[int, ...]:
    """Parse a release number (``3.13.1``).

    Args:
        text: Dot-separated digits.

    Returns:
        The numbers.
    """
    return tuple(int(part) for part in text.split("."))


def lower_bound(specifier: str) -> tuple[int, ...] | None:
    """Return the lowest version a ``requires-python`` specifier admits.

    Args:
        specifier: A PEP 440 specifier set (``>=3.13,<4``).

    Returns:
        The greatest lower bound among ``>=``, ``~=``, ``==`` and ``>`` clauses
        (``>3.12`` yields 3.12: it admits 3.12.1), or None when there is none.
    """
    bounds: list[tuple[int, ...]] = []
    for clause in specifier.split(","):
        match = LOWER_CLAUSE.match(clause.strip())
        if match is not None:
            bounds.append(_release(match.group(2)))
    return max(bounds) if bounds else None


class PythonVersion(ProjectRule):
    """Flags a ``requires-python`` whose lower bound is not Python 3.13.

    The ruleset pins Python 3.13 (the tech-stack table, ``target-version =
    "py313"`` in section 5.2, the ``python:3.13-slim`` builder in 9.1). A lower
    bound below 3.13 promises support for versions the code (``X | Y``,
    ``type`` aliases, PEP 695 generics) and its tests never see; a higher one
    excludes the pinned runtime. Any 3.13.x lower bound is accepted
    (``>=3.13``, ``>=3.13.1,<4``, ``~=3.13``, ``==3.13.*``). Silent when the key
    is absent (SP804 reports that).
    """

    CODE = "SP803"
    NAME = "python-version"
    MESSAGE = "requires-python is '{value}'; its lower bound must be 3.13"
    FIX_HINT = 'Set requires-python = ">=3.13"'
    RULESET_REF = "Tech stack, 5.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PYPROJECT: '[project]\nname = "shop"\nrequires-python = ">=3.13"\n'}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {PYPROJECT: '[project]\nname = "shop"\nrequires-python = ">=3.11"\n'}
            ),
            path=PYPROJECT,
            line=3,
            expected_files=MappingProxyType(
                {PYPROJECT: '[project]\nname = "shop"\nrequires-python = ">=3.13"\n'}
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a ``requires-python`` that does not start at 3.13.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        pyproject = ctx.pyproject
        if pyproject is None:
            return
        value = pyproject.project.get("requires-python")
        if value is None:
            return
        wanted = _release(PYTHON_VERSION)
        bound = lower_bound(value) if isinstance(value, str) else None
        if bound is not None and bound[: len(wanted)] == wanted:
            return
        line = pyproject.lines.anchor_line("project", "requires-python")
        yield self.finding(ctx, PYPROJECT, line, value=value)
