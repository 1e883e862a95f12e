"""SP701 not-src-layout: the project's code is not in a ``src/<pkg>/`` package."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["NotSrcLayout"]


class NotSrcLayout(ProjectRule):
    """Flags a project without a ``src/<pkg>/__init__.py`` package.

    Ruleset section 1 makes the src layout canonical: all code lives in
    ``src/<package_name>/``. A top-level package or loose modules are importable
    from the working directory by accident, so tests can pass against the
    source tree while the installed package is broken. The finding points at
    the ``__init__.py`` that is expected (``src`` itself when no package name is
    known: no single package under ``src/``, no ``[project].name``).
    """

    CODE = "SP701"
    NAME = "not-src-layout"
    MESSAGE = "Code is not in the src layout: '{expected}' does not exist"
    FIX_HINT = "Move the package to src/<pkg>/ and give it an __init__.py"
    RULESET_REF = "1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "pyproject.toml": '[project]\nname = "shop"\n',
                    "src/shop/__init__.py": '"""Shop."""\n',
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    "pyproject.toml": '[project]\nname = "shop"\n',
                    "shop/__init__.py": '"""Shop."""\n',
                }
            ),
            path="src/shop/__init__.py",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a missing ``src/<pkg>/__init__.py``.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        path = ctx.package_path("__init__.py")
        if path is None:
            yield self.finding(ctx, "src", expected="src/<pkg>/__init__.py")
        elif not ctx.exists(path):
            yield self.finding(ctx, path, expected=path)
