"""SP710 module-without-tests: a module of ``src/<pkg>/`` has no test module."""

from __future__ import annotations

from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ModuleWithoutTests"]

EXEMPT_STEMS = frozenset({"__init__", "__main__"})
TESTS_FOLDER = "tests/"


class ModuleWithoutTests(ProjectRule):
    """Flags a module of ``src/<pkg>/`` with no ``tests/**/test_<stem>.py``.

    Ruleset section 3.3: no code is finished without pytest tests for every new
    module. The check is by name: module ``orders.py`` is covered by a
    ``test_orders.py`` anywhere under ``tests/``, which also keeps test modules
    easy to find. Package ``__init__.py`` and ``__main__.py`` files are exempt;
    stubs (``.pyi``) are not modules. Module stems should therefore be unique
    within the package.
    """

    CODE = "SP710"
    NAME = "module-without-tests"
    MESSAGE = "Module '{module}' has no test module 'test_{stem}.py' under tests/"
    FIX_HINT = "Add a test module named test_<module>.py under tests/"
    RULESET_REF = "3.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "src/shop/__init__.py": '"""Shop."""\n',
                    "src/shop/services/orders.py": '"""Orders."""\n',
                    "tests/unit/services/test_orders.py": '"""Tests."""\n',
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    "src/shop/__init__.py": '"""Shop."""\n',
                    "src/shop/services/orders.py": '"""Orders."""\n',
                    "tests/unit/services/test_order.py": '"""Tests."""\n',
                }
            ),
            path="src/shop/services/orders.py",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each package module whose stem has no test module.

        Args:
            ctx: The project.

        Yields:
            One finding per untested module, in path order.
        """
        prefix = ctx.package_path("")
        if prefix is None:
            return
        test_names = {
            PurePosixPath(path).name
            for path in ctx.existing
            if path.startswith(TESTS_FOLDER) and path.endswith(".py")
        }
        for path in sorted(ctx.existing):
            pure = PurePosixPath(path)
            if (
                path.startswith(prefix)
                and pure.suffix == ".py"
                and pure.stem not in EXEMPT_STEMS
                and f"test_{pure.stem}.py" not in test_names
            ):
                yield self.finding(ctx, path, module=path, stem=pure.stem)
