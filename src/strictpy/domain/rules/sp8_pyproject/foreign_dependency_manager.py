"""SP810 foreign-dependency-manager: files of another dependency manager are present."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ForeignDependencyManager", "is_foreign_manager_file"]

FOREIGN_FILES = frozenset(
    {"Pipfile", "Pipfile.lock", "poetry.lock", "setup.py", "setup.cfg"}
)
REQUIREMENTS = re.compile(r"^(requirements[^/]*\.txt|requirements/[^/]+\.txt)$")


def is_foreign_manager_file(path: str) -> bool:
    """Tell whether a root-level path belongs to another dependency manager.

    Args:
        path: A project-relative path.

    Returns:
        True for ``requirements*.txt`` (and ``requirements/*.txt``), ``Pipfile``,
        ``Pipfile.lock``, ``poetry.lock``, ``setup.py`` and ``setup.cfg``.
    """
    return path in FOREIGN_FILES or REQUIREMENTS.match(path) is not None


class ForeignDependencyManager(ProjectRule):
    """Flags ``requirements*.txt``, ``Pipfile``, ``Pipfile.lock``, ``poetry.lock``, ``setup.py`` or ``setup.cfg``.

    The ruleset's tech stack manages dependencies with uv alone (section 5.1):
    ``pyproject.toml`` declares them, ``uv.lock`` pins them. A second manifest
    drifts from the first, and nobody knows which one the image installs. One
    finding per file at the project root (and ``requirements/*.txt``).
    """

    CODE = "SP810"
    NAME = "foreign-dependency-manager"
    MESSAGE = "'{file}' belongs to another dependency manager than uv"
    FIX_HINT = "Move its dependencies into pyproject.toml with 'uv add', then delete it"
    RULESET_REF = "Tech stack, 5.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {"pyproject.toml": "[project]\n", "uv.lock": "version = 1\n"}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({"requirements.txt": "requests==2.32.3\n"}),
            path="requirements.txt",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each file of another dependency manager.

        Args:
            ctx: The project.

        Yields:
            One finding per file, in path order.
        """
        for path in sorted(ctx.existing):
            if is_foreign_manager_file(path):
                yield self.finding(ctx, path, file=path)
