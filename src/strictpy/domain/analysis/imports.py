"""What an import statement depends on: absolute module names, relative ones resolved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from strictpy.domain.analysis.names import NameResolver

__all__ = [
    "IMPORT_ERRORS",
    "guarded_by_import_error",
    "imported_modules",
    "top_level",
]

IMPORT_ERRORS = frozenset({"builtins.ImportError", "builtins.ModuleNotFoundError"})


def imported_modules(
    node: cst.Import | cst.ImportFrom, names: NameResolver | None
) -> tuple[str, ...]:
    """Return the dotted names an import statement depends on.

    ``import a.b`` gives ``a.b``; ``from a import b`` gives ``a.b`` (``b`` may be a
    submodule, as in ``from pkg import services``); ``from a import *`` gives ``a``.
    Relative imports are made absolute through the file's module name; when that
    is unknown they keep their leading dots.

    Args:
        node: The import statement.
        names: Name resolution (for relative imports), when available.

    Returns:
        The dotted names, in source order.
    """
    if isinstance(node, cst.Import):
        return tuple(dotted_name(alias.name) or "" for alias in node.names)
    base = dotted_name(node.module) if node.module is not None else ""
    level = len(node.relative)
    if level:
        if names is not None:
            base = names.resolve_relative(level, base or "")
        else:
            base = "." * level + (base or "")
    base = base or ""
    if isinstance(node.names, cst.ImportStar):
        return (base,)
    joined: list[str] = []
    for alias in node.names:
        name = dotted_name(alias.name) or ""
        if not base:
            joined.append(name)
        elif base.endswith("."):
            joined.append(base + name)
        else:
            joined.append(f"{base}.{name}")
    return tuple(joined)


def top_level(module: str) -> str:
    """Return the first part of a dotted module name.

    Args:
        module: A dotted name; a still-relative one (``.x``) gives ``""``.

    Returns:
        The top-level package or module name.
    """
    return module.split(".", 1)[0]


def guarded_by_import_error(
    ancestors: Sequence[cst.CSTNode], names: NameResolver | None
) -> bool:
    """Tell whether the current statement sits in a ``try`` that catches ImportError.

    Args:
        ancestors: The walk's ancestors, outermost first.
        names: Name resolution, when available.

    Returns:
        True when an enclosing ``try`` has an ``except ImportError`` (or
        ``ModuleNotFoundError``) handler and the node is in its body.
    """
    for index, node in enumerate(ancestors):
        if not isinstance(node, cst.Try):
            continue
        inside_body = index + 1 < len(ancestors) and ancestors[index + 1] is node.body
        if inside_body and any(
            _catches_import_error(handler, names) for handler in node.handlers
        ):
            return True
    return False


def _catches_import_error(
    handler: cst.ExceptHandler, names: NameResolver | None
) -> bool:
    """Tell whether an ``except`` clause catches ImportError.

    Args:
        handler: The except clause.
        names: Name resolution, when available.

    Returns:
        True for ``except ImportError``, ``except ModuleNotFoundError`` or a
        tuple holding one of them.
    """
    caught = handler.type
    if caught is None:
        return False
    candidates = (
        [element.value for element in caught.elements]
        if isinstance(caught, cst.Tuple)
        else [caught]
    )
    for candidate in candidates:
        qualified = (
            names.qualified_name(candidate)
            if names is not None
            else f"builtins.{dotted_name(candidate)}"
        )
        if qualified in IMPORT_ERRORS:
            return True
    return False
