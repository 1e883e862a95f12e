"""A project's context from in-memory files, for rule examples, tests and scaffolds.

The audit builds the context from the files on disk and runs the project rules
on it (``project_rules_pass``); :func:`context_from_files` builds the same
context from an in-memory ``{path: text}`` mapping (rule examples, tests, and a
scaffold's self-check), running the single file pass with fact collection on
its Python files.
"""

from __future__ import annotations

import tomllib
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.adapters.project_files import PROJECT_FILES
from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.project import ProjectContext
from strictpy.domain.project_package import detect_package
from strictpy.domain.registry import CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import check_file
from strictpy.services.file_plan import FilePlan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from strictpy.domain.facts import FileFacts

__all__ = ["context_from_files", "project_name"]

PYTHON_SUFFIXES = (".py", ".pyi")


def project_name(pyproject_text: str | None) -> str | None:
    """Return ``[project].name`` from a ``pyproject.toml`` text.

    Args:
        pyproject_text: The file's text, or None when there is none.

    Returns:
        The name, or None when absent or the text is not valid TOML.
    """
    if pyproject_text is None:
        return None
    try:
        document = tomllib.loads(pyproject_text)
    except tomllib.TOMLDecodeError:
        return None
    project = document.get("project")
    name = project.get("name") if isinstance(project, dict) else None
    return name if isinstance(name, str) else None


def _with_folders(paths: Iterable[str]) -> frozenset[str]:
    """Return paths together with every folder that contains them.

    Args:
        paths: File paths, ``/``-separated and relative.

    Returns:
        The files and their ancestor folders.
    """
    found: set[str] = set()
    for path in paths:
        found.add(path)
        found.update(
            parent.as_posix()
            for parent in PurePosixPath(path).parents
            if parent.as_posix() != "."
        )
    return frozenset(found)


def context_from_files(
    files: Mapping[str, str],
    *,
    package: str | None = None,
    tracked: frozenset[str] | None = None,
) -> ProjectContext:
    """Build a project context from in-memory files.

    Args:
        files: Relative path to text, for every file of the project.
        package: The import package; detected as the audit does when None.
        tracked: What git tracks, or None for "not a git work tree".

    Returns:
        The context, with facts collected from the Python files.
    """
    existing = _with_folders(files)
    texts = {path: text for path, text in files.items() if path in PROJECT_FILES}
    package = package or detect_package(
        existing, project_name(texts.get("pyproject.toml")), None
    )
    selection = Selection.build(
        CODES, select=(), extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan((), selection, RuleOptions(package), collect_facts=True)
    python_files = sorted(path for path in files if path.endswith(PYTHON_SUFFIXES))
    facts: dict[str, FileFacts] = {}
    for path in python_files:
        result = check_file(path, files[path].encode("utf-8"), plan)
        if result.facts is not None:
            facts[path] = result.facts
    return ProjectContext(
        package=package,
        python_files=tuple(python_files),
        facts=MappingProxyType(facts),
        texts=MappingProxyType(texts),
        existing=existing,
        tracked=tracked,
    )
