"""SP805 missing-core-dependency: ``pydantic-settings`` is not a dependency."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.dependency_map import normalize_distribution
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import CORE_DEPENDENCIES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingCoreDependency"]

PYPROJECT = "pyproject.toml"


class MissingCoreDependency(ProjectRule):
    """Flags a project whose ``[project].dependencies`` lacks ``pydantic-settings``.

    The ruleset's core stack reads all settings through pydantic-settings
    (tech stack, sections 2 and 4.1), added with ``uv add pydantic-settings``.
    A project without it reads its configuration some other way, typically
    ``os.environ`` scattered through the code. The finding points at the
    ``dependencies`` key (or the ``[project]`` header). Silent without
    ``pyproject.toml`` (SP705).
    """

    CODE = "SP805"
    NAME = "missing-core-dependency"
    MESSAGE = "Core dependency '{name}' is not in [project].dependencies"
    FIX_HINT = "Run 'uv add pydantic-settings'"
    RULESET_REF = "Tech stack, 2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PYPROJECT: '[project]\ndependencies = ["pydantic-settings>=2.6"]\n'}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {PYPROJECT: '[project]\ndependencies = ["pydantic>=2"]\n'}
            ),
            path=PYPROJECT,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each core dependency that is not declared.

        Args:
            ctx: The project.

        Yields:
            One finding per missing core dependency.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        line = pyproject.lines.anchor_line("project", "dependencies")
        for name in CORE_DEPENDENCIES:
            if normalize_distribution(name) not in pyproject.dependency_names:
                yield self.finding(ctx, PYPROJECT, line, name=name)
