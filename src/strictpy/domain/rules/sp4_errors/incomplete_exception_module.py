"""SP407 incomplete-exception-module: ``exceptions.py`` lacks a class of the hierarchy."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import EXCEPTION_HIERARCHY

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["IncompleteExceptionModule"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

EXCEPTIONS_OK = "".join(
    f'\n\nclass {name}({base}):\n    """The {name} of the hierarchy."""\n'
    for name, base in EXCEPTION_HIERARCHY
)


class IncompleteExceptionModule(ProjectRule):
    """Flags each class of the ruleset's hierarchy that ``<pkg>/exceptions.py`` lacks.

    Ruleset section 7.1 defines the hierarchy every project starts from:
    ``AppError(Exception)`` and its subclasses ``ValidationError``,
    ``NotFoundError``, ``ExternalServiceError`` and ``ConfigurationError``.
    Shared names across projects make error handling in the interface layer
    uniform (a ``NotFoundError`` becomes a 404, a ``ValidationError`` a 422).
    One finding per class that is missing (no line) or has another base (at
    its ``class`` line). Silent when ``exceptions.py`` does not exist (SP702).
    """

    CODE = "SP407"
    NAME = "incomplete-exception-module"
    MESSAGE = "'{module}' {problem} 'class {name}({base})'"
    FIX_HINT = "Define the class with the base the ruleset's hierarchy gives it"
    RULESET_REF = "7.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/exceptions.py": '"""Errors."""\n' + EXCEPTIONS_OK,
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/exceptions.py": (
                        '"""Errors."""\n'
                        + EXCEPTIONS_OK.replace("NotFoundError", "MissingError")
                    ),
                }
            ),
            path="src/shop/exceptions.py",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each missing or misderived class of the hierarchy.

        Args:
            ctx: The project.

        Yields:
            One finding per class.
        """
        path = ctx.package_path("exceptions.py")
        if path is None or path not in ctx.facts:
            return
        records = {record.fact.name: record for record in ctx.classes.in_file(path)}
        module = path.removeprefix("src/").removesuffix(".py").replace("/", ".")
        for name, base in EXCEPTION_HIERARCHY:
            wanted = f"builtins.{base}" if base == "Exception" else f"{module}.{base}"
            record = records.get(name)
            if record is None:
                yield self.finding(
                    ctx, path, module=path, problem="lacks", name=name, base=base
                )
            elif wanted not in record.bases:
                yield self.finding(
                    ctx,
                    path,
                    record.fact.line,
                    module=path,
                    problem="must define",
                    name=name,
                    base=base,
                )
