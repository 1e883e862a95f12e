"""The project context: everything project rules may read, built once per root.

Project rules are pure functions of this context. Adapters read the files; the
single pass contributes per-file facts; nothing here touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.findings import Finding, Span

if TYPE_CHECKING:
    from strictpy.domain.facts import FileFacts
    from strictpy.domain.rule import Rule

__all__ = ["ProjectContext", "detect_package"]

# src/<pkg>/__init__.py has two separators.
PACKAGE_INIT_DEPTH = 2


@dataclass(frozen=True)
class ProjectContext:
    """What is known about one project root.

    Attributes:
        package: The import package (``<pkg>``), when one was found.
        python_files: Project-relative paths of the Python files in scope.
        facts: Per-file facts from the single pass, by path.
        texts: Texts of the project-level files that exist (``pyproject.toml``,
            ``Dockerfile``, ignore files...), by path.
        existing: Every project-relative path that exists (files and folders).
        tracked: Paths git tracks, or None outside a git work tree.
    """

    package: str | None
    python_files: tuple[str, ...] = ()
    facts: MappingProxyType[str, FileFacts] = field(
        default_factory=lambda: MappingProxyType({})
    )
    texts: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({})
    )
    existing: frozenset[str] = frozenset()
    tracked: frozenset[str] | None = None

    def exists(self, path: str) -> bool:
        """Tell whether a project-relative path exists.

        Args:
            path: File or folder path, ``/``-separated.

        Returns:
            True when it exists.
        """
        return path in self.existing or path in self.texts

    def make_finding(
        self,
        rule: type[Rule],
        path: str,
        line: int | None,
        fields: dict[str, object],
    ) -> Finding:
        """Build a finding of a project rule.

        Args:
            rule: The rule class.
            path: Project-relative path the finding is about.
            line: 1-based line, or None for a whole or missing file.
            fields: Values for the message template.

        Returns:
            The finding; its fingerprint is the reported line's text.
        """
        span = None
        fingerprint = ""
        if line is not None:
            lines = self.texts.get(path, "").splitlines()
            text = lines[line - 1] if 0 < line <= len(lines) else ""
            span = Span(line, 1, line, len(text) + 1)
            fingerprint = text.strip()
        return Finding(
            code=rule.CODE,
            name=rule.NAME,
            message=rule.format_message(fields),
            path=path,
            span=span,
            severity=rule.SEVERITY,
            fixable=rule.fixable(),
            fingerprint=fingerprint,
        )


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
