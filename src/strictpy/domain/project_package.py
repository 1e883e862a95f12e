"""Which import package a project is (``<pkg>`` of the catalog), from its paths.

Apart from the project's context (``domain.project``), whose parsers of
containers, locks and ``pyproject.toml`` are imported with the project pass:
the audit needs the package before its files are checked.
"""

from __future__ import annotations

__all__ = ["detect_package"]

# src/<pkg>/__init__.py has two separators.
PACKAGE_INIT_DEPTH = 2


def detect_package(
    existing: frozenset[str], project_name: str | None, configured: str | None
) -> str | None:
    """Return the project's import package (``<pkg>`` of the catalog).

    The configured ``package`` wins; otherwise the single package under
    ``src/``; otherwise ``[project].name`` normalised (``-``/``.`` to ``_``).

    Args:
        existing: Every project-relative path that exists.
        project_name: ``[project].name`` from ``pyproject.toml``, if any.
        configured: ``[tool.strictpy] package``, if set.

    Returns:
        The package name, or None when nothing names one.
    """
    if configured:
        return configured
    under_src = sorted(
        path.split("/")[1]
        for path in existing
        if path.count("/") == PACKAGE_INIT_DEPTH
        and path.startswith("src/")
        and path.endswith("/__init__.py")
    )
    if len(under_src) == 1:
        return under_src[0]
    if project_name:
        return project_name.replace("-", "_").replace(".", "_").lower()
    return None
