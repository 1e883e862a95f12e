"""SP506 env-read-outside-config: ``os.environ``/``os.getenv`` outside ``config.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["ENVIRONMENT_ACCESS", "EnvReadOutsideConfig"]

ENVIRONMENT_ACCESS = frozenset(
    {"os.environ", "os.environb", "os.getenv", "os.getenvb", "os.putenv", "os.unsetenv"}
)
LAST_PARTS = frozenset(name.rsplit(".", 1)[-1] for name in ENVIRONMENT_ACCESS)


class EnvReadOutsideConfig(FileRule):
    """Flags ``os.environ``, ``os.getenv`` and ``os.putenv`` outside ``<pkg>/config.py``.

    Ruleset 4.1 and 2: configuration comes from the environment through the
    pydantic-settings class in ``config.py``, which validates and documents it.
    Reading the environment anywhere else scatters configuration and skips
    validation. Aliases (``from os import environ``, ``import os as system``)
    are followed; tests are exempt.
    """

    CODE = "SP506"
    NAME = "env-read-outside-config"
    MESSAGE = "'{name}' used outside config.py"
    FIX_HINT = "Add a field to the settings class in config.py and read it from there"
    RULESET_REF = "4.1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport os\n\nDEBUG = os.getenv("DEBUG")\n',
            path="src/app/config.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom os import environ\n\nDEBUG = environ.get("DEBUG")\n',
            line=5,
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Decide once whether the file is exempt.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        info = ctx.info
        self._exempt = info.is_test or (
            info.in_package and info.module[1:] == ("config",)
        )
        self._import_depth = 0
        # Local names bound by ``from os import environ [as env]`` and the like.
        self._candidates: set[str] = set()

    def _check(self, node: cst.Name | cst.Attribute) -> None:
        """Report a reference to the process environment.

        Args:
            node: A name or attribute in a load position.
        """
        if self._exempt or self.ctx.names is None:
            return
        qualified = self.ctx.names.qualified_name(node)
        if qualified in ENVIRONMENT_ACCESS:
            self.report(node, name=qualified)

    @visits(cst.Import, cst.ImportFrom)
    def enter_import(self, node: cst.Import | cst.ImportFrom) -> None:
        """Note names imported from ``os`` and that an import is being walked.

        Args:
            node: The import statement.
        """
        self._import_depth += 1
        if (
            isinstance(node, cst.ImportFrom)
            and not node.relative
            and node.module is not None
            and dotted_name(node.module) == "os"
            and not isinstance(node.names, cst.ImportStar)
        ):
            for alias in node.names:
                local = alias.evaluated_alias or alias.evaluated_name
                if alias.evaluated_name in LAST_PARTS:
                    self._candidates.add(local)

    @leaves(cst.Import, cst.ImportFrom)
    def leave_import(self, node: cst.Import | cst.ImportFrom) -> None:
        """Note that the import statement is over.

        Args:
            node: The import statement.
        """
        del node
        self._import_depth -= 1

    @visits(cst.Attribute)
    def check_attribute(self, node: cst.Attribute) -> None:
        """Check ``os.environ`` and the like.

        Args:
            node: The attribute access.
        """
        if node.attr.value in LAST_PARTS and not self._import_depth:
            self._check(node)

    @visits(cst.Name)
    def check_name(self, node: cst.Name) -> None:
        """Check a bare name imported from ``os`` (``environ``, ``getenv``).

        Args:
            node: The name.
        """
        if node.value not in self._candidates or self._import_depth:
            return
        parent = self.ctx.ancestors[-1]
        is_label = (
            (isinstance(parent, cst.Attribute) and parent.attr is node)
            or (isinstance(parent, cst.Arg) and parent.keyword is node)
            or (
                isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef))
                and parent.name is node
            )
        )
        if not is_label:
            self._check(node)
