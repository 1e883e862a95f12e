"""Tests for the modules an import statement depends on."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.analysis.imports import (
    guarded_by_import_error,
    imported_modules,
    top_level,
)
from strictpy.domain.analysis.names import NameResolver
from strictpy.domain.analysis.walker import Visitor, build_dispatch, visits, walk


class _ImportProbe(Visitor):
    """Records each import's modules and whether it is guarded."""

    def __init__(self, names: NameResolver, ancestors: list[cst.CSTNode]) -> None:
        """Probe with a resolver and the walk's ancestors.

        Args:
            names: The resolver.
            ancestors: The walk's ancestor list.
        """
        self.names = names
        self.ancestors = ancestors
        self.seen: list[tuple[tuple[str, ...], bool]] = []

    @visits(cst.Import, cst.ImportFrom)
    def on_import(self, node: cst.Import | cst.ImportFrom) -> None:
        """Record the statement's modules.

        Args:
            node: The import statement.
        """
        guarded = guarded_by_import_error(self.ancestors, self.names)
        self.seen.append((imported_modules(node, self.names), guarded))


def probe(
    source: str, path: str = "src/app/domain/user.py"
) -> list[tuple[tuple[str, ...], bool]]:
    """Walk a source and return each import's modules and guard.

    Args:
        source: Python source.
        path: The path the source pretends to have.

    Returns:
        (modules, guarded) per import statement.
    """
    ancestors: list[cst.CSTNode] = []
    names = NameResolver(describe_file(path, "app"), ancestors)
    found = _ImportProbe(names, ancestors)
    walk(cst.parse_module(source), build_dispatch([names, found]), ancestors)
    return found.seen


@pytest.mark.parametrize(
    ("source", "modules"),
    [
        ("import a.b, c\n", ("a.b", "c")),
        ("import a.b as x\n", ("a.b",)),
        ("from a import b, c as d\n", ("a.b", "a.c")),
        ("from a.b import *\n", ("a.b",)),
        ("from . import order\n", ("app.domain.order",)),
        ("from ..adapters import db\n", ("app.adapters.db",)),
        ("from .. import adapters\n", ("app.adapters",)),
    ],
)
def test_imported_modules(source: str, modules: tuple[str, ...]) -> None:
    """Absolute names come out as written; relative ones are resolved.

    Args:
        source: The import statement.
        modules: The expected dotted names.
    """
    assert probe(source)[0][0] == modules


def test_unknown_package_keeps_relative_dots() -> None:
    """Without a module path, relative imports keep their dots."""
    assert probe("from . import x\n", path="x.py")[0][0] == (".x",)


def test_without_resolver_relative_stays_relative() -> None:
    """With no resolver, relative imports are not resolved."""
    statement = cst.parse_statement("from ..a import b\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    node = statement.body[0]
    assert isinstance(node, cst.ImportFrom)
    assert imported_modules(node, None) == ("..a.b",)


@pytest.mark.parametrize(
    ("source", "guarded"),
    [
        ("try:\n    import x\nexcept ImportError:\n    x = None\n", True),
        (
            "try:\n    import x\nexcept (ValueError, ModuleNotFoundError):\n    x = None\n",
            True,
        ),
        ("try:\n    import x\nexcept ValueError:\n    x = None\n", False),
        ("try:\n    y = 1\nexcept ImportError:\n    import x\n", False),
        ("try:\n    import x\nexcept:\n    x = None\n", False),
        ("import x\n", False),
    ],
)
def test_guarded_by_import_error(source: str, guarded: bool) -> None:  # noqa: FBT001 - parametrized
    """Only imports in the body of a try that catches ImportError are guarded.

    Args:
        source: A module whose last import is checked.
        guarded: Whether that import is guarded.
    """
    assert probe(source)[-1][1] is guarded


def test_top_level() -> None:
    """The first part of a dotted name; relative names give the empty string."""
    assert (top_level("a.b.c"), top_level("a"), top_level(".a")) == ("a", "a", "")
