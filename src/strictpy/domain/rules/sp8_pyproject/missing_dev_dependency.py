"""SP806 missing-dev-dependency: a dev tool of the stack is not in the dev group."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.dependency_map import normalize_distribution, requirement_name
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DEV_DEPENDENCIES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext
    from strictpy.domain.pyproject_model import PyProject

__all__ = ["MissingDevDependency"]

PYPROJECT = "pyproject.toml"
DEV_GROUP = "dev"
DEV_OK = """[dependency-groups]
dev = ["factory-boy>=3.3", "pytest>=8", "pytest-cov>=6", "pytest-mock>=3.14", "ruff>=0.9"]
"""


def _anchor(pyproject: PyProject) -> int | None:
    """Return the line where the dev group is (or would be) declared.

    Args:
        pyproject: The project file.

    Returns:
        The ``dev`` key's line, else ``[tool.uv] dev-dependencies``'s, else the
        ``[dependency-groups]`` header's, or None.
    """
    lines = pyproject.lines
    return (
        lines.line_of("dependency-groups", DEV_GROUP)
        or lines.line_of("tool", "uv", "dev-dependencies")
        or lines.line_of("dependency-groups")
    )


class MissingDevDependency(ProjectRule):
    """Flags each of ``pytest``, ``pytest-cov``, ``pytest-mock``, ``factory-boy``, ``ruff`` missing from the dev group.

    Ruleset sections 2 and 3.3 add the test and lint stack as development
    dependencies (``uv add --dev ...``): the test suite, coverage, mocking,
    factories and the linter must be locked like everything else, so every
    developer and CI run uses the same versions. The dev group is
    ``[dependency-groups].dev`` (its ``include-group`` entries followed) or
    uv's older ``[tool.uv].dev-dependencies``. One finding per missing tool.
    Silent without ``pyproject.toml`` (SP705).
    """

    CODE = "SP806"
    NAME = "missing-dev-dependency"
    MESSAGE = "Dev dependency '{name}' is not in the dev group"
    FIX_HINT = "Run 'uv add --dev pytest pytest-cov pytest-mock factory-boy ruff'"
    RULESET_REF = "2, 3.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({PYPROJECT: DEV_OK})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({PYPROJECT: DEV_OK.replace('"factory-boy>=3.3", ', "")}),
            path=PYPROJECT,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each dev tool that the dev group lacks.

        Args:
            ctx: The project.

        Yields:
            One finding per missing tool.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        declared = {
            normalize_distribution(name)
            for spec in pyproject.dependency_groups.get(DEV_GROUP, ())
            if (name := requirement_name(spec))
        }
        line = _anchor(pyproject)
        for name in DEV_DEPENDENCIES:
            if normalize_distribution(name) not in declared:
                yield self.finding(ctx, PYPROJECT, line, name=name)
