"""The project context: everything project rules may read, built once per root.

Project rules are pure functions of this context. Adapters read the files; the
single pass contributes per-file facts; nothing here touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.class_index import ClassIndex
from strictpy.domain.containers.container_inputs import parse_container_inputs
from strictpy.domain.env_file import parse_env
from strictpy.domain.findings import Finding, Span
from strictpy.domain.lock_model import parse_lock
from strictpy.domain.pyproject_model import parse_pyproject

if TYPE_CHECKING:
    from strictpy.domain.containers.container_inputs import ContainerInputs
    from strictpy.domain.env_file import EnvFile
    from strictpy.domain.facts import FileFacts
    from strictpy.domain.lock_model import LockFile
    from strictpy.domain.pyproject_model import PyProject
    from strictpy.domain.rule import Rule

__all__ = ["ProjectContext"]

PYPROJECT = "pyproject.toml"
LOCK_FILE = "uv.lock"
ENV_EXAMPLE = ".env.example"


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
        installed: Top-level module to the distributions providing it, from an
            installed environment that describes the project, or None.
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
    installed: MappingProxyType[str, tuple[str, ...]] | None = None

    def exists(self, path: str) -> bool:
        """Tell whether a project-relative path exists.

        Args:
            path: File or folder path, ``/``-separated.

        Returns:
            True when it exists.
        """
        return path in self.existing or path in self.texts

    @cached_property
    def containers(self) -> ContainerInputs:
        """The parsed Dockerfile, compose files and ignore files (parsed once).

        Returns:
            The container inputs, with the problems of unparsable files.
        """
        return parse_container_inputs(self.texts)

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

    # --- pyproject, uv.lock, .env.example and Python facts (project rules) ---

    @cached_property
    def pyproject(self) -> PyProject | None:
        """The parsed ``pyproject.toml`` (parsed once), or None when absent.

        Returns:
            The parsed file; invalid TOML is recorded in its ``error``.
        """
        text = self.texts.get(PYPROJECT)
        return parse_pyproject(text) if text is not None else None

    @cached_property
    def lock(self) -> LockFile | None:
        """What ``uv.lock`` records for the root package, or None when absent.

        Returns:
            The lock file's view; unreadable TOML is recorded in its ``error``.
        """
        text = self.texts.get(LOCK_FILE)
        if text is None:
            return None
        return parse_lock(text, self.pyproject.name if self.pyproject else None)

    @cached_property
    def env_example(self) -> EnvFile | None:
        """The parsed ``.env.example``, or None when absent.

        Returns:
            Its entries and malformed lines.
        """
        text = self.texts.get(ENV_EXAMPLE)
        return parse_env(text) if text is not None else None

    @cached_property
    def classes(self) -> ClassIndex:
        """Every class of the project's non-test Python files.

        Returns:
            The class index.
        """
        return ClassIndex(self.facts, self.package)

    @cached_property
    def dependency_names(self) -> frozenset[str]:
        """Normalised names of ``[project].dependencies``.

        Returns:
            The names; empty without a valid ``pyproject.toml``.
        """
        return self.pyproject.dependency_names if self.pyproject else frozenset()

    @cached_property
    def code_facts(self) -> tuple[FileFacts, ...]:
        """Facts of the project's non-test Python files, in path order.

        Returns:
            The facts.
        """
        return tuple(
            facts
            for path, facts in sorted(self.facts.items())
            if not describe_file(path, self.package).is_test
        )

    @cached_property
    def package_facts(self) -> tuple[FileFacts, ...]:
        """Facts of the non-test Python files under ``src/<pkg>/``.

        Returns:
            The facts; empty when the package is unknown.
        """
        prefix = self.package_path("")
        if prefix is None:
            return ()
        return tuple(
            facts for facts in self.code_facts if facts.path.startswith(prefix)
        )

    def package_path(self, relative: str) -> str | None:
        """Return a path inside ``src/<pkg>/``.

        Args:
            relative: The path below the package folder (``config.py``).

        Returns:
            ``src/<pkg>/<relative>``, or None when the package is unknown.
        """
        if not self.package:
            return None
        return f"src/{self.package}/{relative}"

    def package_module(self, relative: str) -> FileFacts | None:
        """Return the facts of a module of ``src/<pkg>/``.

        Args:
            relative: The module's path below the package folder.

        Returns:
            The module's facts, or None when it was not checked.
        """
        path = self.package_path(relative)
        return self.facts.get(path) if path is not None else None
