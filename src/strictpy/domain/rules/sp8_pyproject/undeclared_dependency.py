"""SP809 undeclared-dependency: a third-party import no declared dependency provides."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.imports import (
    guarded_by_import_error,
    imported_modules,
    top_level,
)
from strictpy.domain.dependency_map import is_stdlib
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["ALWAYS_AVAILABLE", "UndeclaredDependency"]

# Importable without any distribution: typeshed's private stub package.
ALWAYS_AVAILABLE = frozenset({"_typeshed"})


class UndeclaredDependency(FileRule):
    """Flags a third-party import in ``<pkg>`` that no declared dependency provides.

    Ruleset 5.1 and the tech-stack mandate: every package the code imports is
    declared in ``pyproject.toml`` (``uv add``), so a fresh ``uv sync --frozen``
    installs it. An import that only works because another dependency pulls it
    in transitively, or because it happens to be installed, breaks when that
    changes. Standard-library and first-party modules are always fine;
    ``[project].dependencies`` and ``[project].optional-dependencies`` count as
    declared (dev groups do not: they are absent at run time). Imports guarded
    by ``except ImportError`` are optional by design and not reported. Without
    a readable ``[project]`` table the rule stays silent.
    """

    CODE = "SP809"
    NAME = "undeclared-dependency"
    MESSAGE = "'{module}' is imported but no declared dependency provides it"
    FIX_HINT = "Declare it with 'uv add <distribution>'"
    RULESET_REF = "5.1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport json\n\nfrom app.domain import user\n\n'
            '__all__ = ["json", "user"]\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nimport yaml\n\n__all__ = ["yaml"]\n',
            line=3,
        ),
    )

    @visits(cst.Import, cst.ImportFrom)
    def check(self, node: cst.Import | cst.ImportFrom) -> None:
        """Report imported top-level modules nothing declared provides.

        Args:
            node: The import statement.
        """
        info = self.ctx.info
        declared = self.ctx.options.declared_modules
        if declared is None or not info.in_package:
            return
        if isinstance(node, cst.ImportFrom) and node.relative:
            return
        reported: set[str] = set()
        for module in imported_modules(node, self.ctx.names):
            top = top_level(module)
            if (
                not top
                or top in reported
                or top in declared
                or top == info.package
                or top in ALWAYS_AVAILABLE
                or is_stdlib(top)
            ):
                continue
            if guarded_by_import_error(self.ctx.ancestors, self.ctx.names):
                return
            reported.add(top)
            self.report(node, module=top)
