"""SP703 missing-layer-package: a layer package of ``src/<pkg>/`` is missing."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.fixes.layout_files import layout_file
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import LAYER_PACKAGES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingLayerPackage"]


class MissingLayerPackage(ProjectRule):
    """Flags each missing ``domain``, ``services``, ``adapters``, ``api`` or ``utils`` package.

    Ruleset section 1 splits every package into these layers, each with its own
    responsibility (domain models, business logic, infrastructure, interface,
    pure helpers); SP706 then enforces the import directions between them. A
    missing layer is usually code living in the wrong one. One finding per
    missing ``<layer>/__init__.py``; silent when no package name is known.
    """

    CODE = "SP703"
    NAME = "missing-layer-package"
    MESSAGE = "Layer package '{expected}' is missing"
    FIX_HINT = "Create the layer package with an __init__.py"
    RULESET_REF = "1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "src/shop/__init__.py": '"""Shop."""\n',
                    **{
                        f"src/shop/{layer}/__init__.py": '"""Layer."""\n'
                        for layer in LAYER_PACKAGES
                    },
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    "src/shop/__init__.py": '"""Shop."""\n',
                    **{
                        f"src/shop/{layer}/__init__.py": '"""Layer."""\n'
                        for layer in LAYER_PACKAGES
                        if layer != "utils"
                    },
                }
            ),
            path="src/shop/utils/__init__.py",
            expected_files=MappingProxyType(
                {
                    "src/shop/utils/__init__.py": layout_file(
                        "shop", "src/shop/utils/__init__.py"
                    )
                }
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each layer package without an ``__init__.py``.

        Args:
            ctx: The project.

        Yields:
            One finding per missing layer package.
        """
        for layer in LAYER_PACKAGES:
            path = ctx.package_path(f"{layer}/__init__.py")
            if path is not None and not ctx.exists(path):
                yield self.finding(ctx, path, expected=path)
