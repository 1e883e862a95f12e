"""SP702 missing-package-module: a mandatory module of ``src/<pkg>/`` is missing."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.fixes.layout_files import layout_file
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import PACKAGE_MODULES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingPackageModule"]


class MissingPackageModule(ProjectRule):
    """Flags each missing ``__init__``, ``__main__``, ``config``, ``exceptions`` or ``logging`` module.

    Ruleset sections 1 and 2 list the modules every package has: the entry
    point (``python -m <pkg>``), the pydantic-settings configuration, the
    exception hierarchy and the structured logging setup. Projects that skip
    them grow the same concerns in random places. One finding per missing
    module, at the path where it is expected; silent when no package name is
    known (SP701 reports that).
    """

    CODE = "SP702"
    NAME = "missing-package-module"
    MESSAGE = "Package module '{expected}' is missing"
    FIX_HINT = "Create the module (strictpy check --fix writes a compliant one)"
    RULESET_REF = "1, 2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {f"src/shop/{name}": '"""Module."""\n' for name in PACKAGE_MODULES}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    f"src/shop/{name}": '"""Module."""\n'
                    for name in PACKAGE_MODULES
                    if name != "logging.py"
                }
            ),
            path="src/shop/logging.py",
            expected_files=MappingProxyType(
                {"src/shop/logging.py": layout_file("shop", "src/shop/logging.py")}
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each mandatory module that does not exist.

        Args:
            ctx: The project.

        Yields:
            One finding per missing module.
        """
        for name in PACKAGE_MODULES:
            path = ctx.package_path(name)
            if path is not None and not ctx.exists(path):
                yield self.finding(ctx, path, expected=path)
