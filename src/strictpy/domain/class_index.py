"""The project's classes by qualified name, with their resolved bases.

Project rules ask questions across files: is this class a ``BaseSettings``
subclass through a project base class? Which fields does it inherit? Is this
exception under ``AppError``? The facts record each class's bases as the file's
imports resolved them (``pydantic_settings.BaseSettings``,
``app.exceptions.AppError``) or, for names of the same file, as written
(``AppError``); this index qualifies the latter with the file's module and
follows bases through the project's own classes. Test files are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import describe_file

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from strictpy.domain.facts import ClassFact, FieldFact, FileFacts

__all__ = ["SETTINGS_BASES", "ClassIndex", "ClassRecord"]

SETTINGS_BASES = frozenset(
    {"pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings"}
)
MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class ClassRecord:
    """One class of the project.

    Attributes:
        qualname: ``module.ClassName``.
        module: The dotted module the class is defined in.
        path: The file, relative to the project root.
        fact: The class's facts.
        bases: The bases, qualified where the project defines them.
    """

    qualname: str
    module: str
    path: str
    fact: ClassFact
    bases: tuple[str, ...]


class ClassIndex:
    """Every class of the project's non-test files, by qualified name."""

    def __init__(self, facts: Mapping[str, FileFacts], package: str | None) -> None:
        """Index the classes of the facts.

        Args:
            facts: Per-file facts by path.
            package: The project's import package.
        """
        pending: list[tuple[str, str, ClassFact]] = []
        for path, file_facts in sorted(facts.items()):
            info = describe_file(path, package)
            if info.is_test:
                continue
            module = ".".join(info.module)
            pending.extend((module, path, fact) for fact in file_facts.classes)
        known = {f"{module}.{fact.name}" for module, _, fact in pending}
        records: dict[str, ClassRecord] = {}
        for module, path, fact in pending:
            qualname = f"{module}.{fact.name}"
            bases = tuple(
                f"{module}.{base}"
                if "." not in base and f"{module}.{base}" in known
                else base
                for base in fact.bases
            )
            records.setdefault(
                qualname, ClassRecord(qualname, module, path, fact, bases)
            )
        self.records: MappingProxyType[str, ClassRecord] = MappingProxyType(records)

    def __iter__(self) -> Iterator[ClassRecord]:
        """Iterate over the records in path order.

        Yields:
            Each class record.
        """
        yield from self.records.values()

    def in_file(self, path: str) -> tuple[ClassRecord, ...]:
        """Return the classes defined in one file.

        Args:
            path: The file, relative to the project root.

        Returns:
            The records, in definition order.
        """
        return tuple(record for record in self if record.path == path)

    def lineage(self, qualname: str) -> tuple[str, ...]:
        """Return a class's ancestors, nearest first, the class itself excluded.

        Bases outside the project appear by their qualified name and end the
        search along their branch.

        Args:
            qualname: The class.

        Returns:
            Ancestor names, breadth first, without repeats.
        """
        seen: dict[str, None] = {}
        frontier = [qualname]
        for _ in range(MAX_DEPTH):
            following: list[str] = []
            for name in frontier:
                record = self.records.get(name)
                for base in record.bases if record else ():
                    if base not in seen and base != qualname:
                        seen[base] = None
                        following.append(base)
            if not following:
                break
            frontier = following
        return tuple(seen)

    def derives_from(self, qualname: str, targets: frozenset[str]) -> bool:
        """Tell whether a class has one of some classes among its ancestors.

        Args:
            qualname: The class.
            targets: Qualified names to look for.

        Returns:
            True when an ancestor is one of the targets.
        """
        return any(name in targets for name in self.lineage(qualname))

    def settings_classes(self, path: str | None = None) -> tuple[ClassRecord, ...]:
        """Return the ``pydantic_settings.BaseSettings`` subclasses.

        Args:
            path: Only those defined in this file, when given.

        Returns:
            The records, in path order.
        """
        return tuple(
            record
            for record in self
            if (path is None or record.path == path)
            and self.derives_from(record.qualname, SETTINGS_BASES)
        )

    def _chain(self, qualname: str) -> list[ClassRecord]:
        """Return the class and its project ancestors, farthest first.

        Args:
            qualname: The class.

        Returns:
            Records in the order their definitions apply (bases first).
        """
        names = [qualname, *self.lineage(qualname)]
        return [self.records[name] for name in reversed(names) if name in self.records]

    def fields(self, qualname: str) -> dict[str, FieldFact]:
        """Return a class's fields including inherited ones.

        Args:
            qualname: The class.

        Returns:
            Field name to its fact; a subclass's definition wins.
        """
        merged: dict[str, FieldFact] = {}
        for record in self._chain(qualname):
            merged.update((field.name, field) for field in record.fact.fields)
        return merged

    def config(self, qualname: str) -> dict[str, str]:
        """Return a class's ``model_config`` entries including inherited ones.

        Class keywords (``class S(BaseSettings, env_prefix="X_")``) count too.

        Args:
            qualname: The class.

        Returns:
            Config key to the value's source text; a subclass's entry wins.
        """
        merged: dict[str, str] = {}
        for record in self._chain(qualname):
            merged.update(record.fact.keywords)
            merged.update(record.fact.config)
        return merged
