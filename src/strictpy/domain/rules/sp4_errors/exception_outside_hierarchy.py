"""SP406 exception-outside-hierarchy: an exception class that bypasses ``AppError``."""

from __future__ import annotations

import builtins
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.facts import BUILTIN_EXCEPTIONS
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.class_index import ClassRecord
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ExceptionOutsideHierarchy"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

ROOT_CLASS = "AppError"
# Warning categories are issued with warnings.warn, never raised as errors.
ERROR_BASES = frozenset(
    name
    for name in BUILTIN_EXCEPTIONS
    if not issubclass(getattr(builtins, name.removeprefix("builtins.")), Warning)
)
EXCEPTIONS_OK = '''"""Errors."""


class AppError(Exception):
    """Base exception for the application."""


class OrderError(AppError):
    """Raised when an order cannot be placed."""
'''


class ExceptionOutsideHierarchy(ProjectRule):
    """Flags a class that subclasses ``Exception`` or another builtin exception directly.

    Ruleset section 7.1: all application-level exceptions inherit from
    ``AppError``, defined in ``<pkg>/exceptions.py``. Callers can then catch
    every failure of the application with one ``except AppError`` and never
    need ``except Exception``. Only ``AppError`` itself subclasses
    ``Exception``. A class that also derives from ``AppError`` (for example
    ``class InvalidInput(AppError, ValueError)``) is inside the hierarchy and is
    accepted. Warning categories (``class LegacyApiWarning(DeprecationWarning)``)
    are issued with ``warnings.warn``, not raised, and are not reported. Every
    non-test Python file of the project is checked.
    """

    CODE = "SP406"
    NAME = "exception-outside-hierarchy"
    MESSAGE = "Exception class '{name}' derives from '{base}' instead of AppError"
    FIX_HINT = "Derive the class from AppError (or one of its subclasses)"
    RULESET_REF = "7.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PACKAGE_INIT: PACKAGE_DOC, "src/shop/exceptions.py": EXCEPTIONS_OK}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/exceptions.py": EXCEPTIONS_OK,
                    "src/shop/services/orders.py": (
                        '"""Orders."""\n\n\nclass OutOfStock(ValueError):\n'
                        '    """Raised when stock runs out."""\n'
                    ),
                }
            ),
            path="src/shop/services/orders.py",
            line=4,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each project class with a builtin exception as a direct base.

        Args:
            ctx: The project.

        Yields:
            One finding per offending class.
        """
        root = f"{ctx.package}.exceptions.{ROOT_CLASS}" if ctx.package else None
        roots = frozenset({root}) if root else frozenset()
        for record in ctx.classes:
            builtin = [base for base in record.bases if base in ERROR_BASES]
            if not builtin or record.qualname == root:
                continue
            if self._under_root(ctx, record, roots):
                continue
            yield self.finding(
                ctx,
                record.path,
                record.fact.line,
                name=record.fact.name,
                base=builtin[0].removeprefix("builtins."),
            )

    @staticmethod
    def _under_root(
        ctx: ProjectContext, record: ClassRecord, roots: frozenset[str]
    ) -> bool:
        """Tell whether another base of the class places it under ``AppError``.

        Args:
            ctx: The project.
            record: The class.
            roots: The qualified name of ``AppError`` (empty when unknown).

        Returns:
            True when some base is ``AppError`` or derives from it.
        """
        return any(
            base in roots or ctx.classes.derives_from(base, roots)
            for base in record.bases
            if base not in BUILTIN_EXCEPTIONS
        )
