"""SP804 project-metadata: ``[project]`` lacks a required key."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ProjectMetadata"]

PYPROJECT = "pyproject.toml"
REQUIRED_KEYS = ("name", "version", "description", "requires-python", "dependencies")
DYNAMIC_ALLOWED = frozenset({"version"})
COMPLETE = """[project]
name = "shop"
version = "0.1.0"
description = "Orders and payments."
requires-python = ">=3.13"
dependencies = ["pydantic-settings>=2"]
"""


class ProjectMetadata(ProjectRule):
    """Flags each of ``name``, ``version``, ``description``, ``requires-python``, ``dependencies`` missing from ``[project]``.

    Ruleset section 2 requires ``pyproject.toml`` to carry the project's
    metadata: uv builds, locks and installs from it, the container image runs
    ``python -m <pkg>`` from it, and readers learn what the project is. A
    ``version`` listed in ``dynamic`` counts as present. One finding per
    missing key, at the ``[project]`` header (no line when the table itself is
    missing). Silent without ``pyproject.toml`` (SP705).
    """

    CODE = "SP804"
    NAME = "project-metadata"
    MESSAGE = "[project] lacks '{key}'"
    FIX_HINT = "Add the key to [project] (uv init writes them)"
    RULESET_REF = "2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({PYPROJECT: COMPLETE})),
        ProjectValid(
            MappingProxyType(
                {
                    PYPROJECT: COMPLETE.replace(
                        'version = "0.1.0"', 'dynamic = ["version"]'
                    )
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: COMPLETE.replace(
                        'description = "Orders and payments."\n', ""
                    )
                }
            ),
            path=PYPROJECT,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each required key that ``[project]`` lacks.

        Args:
            ctx: The project.

        Yields:
            One finding per missing key.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        table = pyproject.project
        dynamic = table.get("dynamic")
        dynamic_keys = set(dynamic) if isinstance(dynamic, list) else set()
        line = pyproject.lines.line_of("project")
        for key in REQUIRED_KEYS:
            if key in table or (key in DYNAMIC_ALLOWED and key in dynamic_keys):
                continue
            yield self.finding(ctx, PYPROJECT, line, key=key)
