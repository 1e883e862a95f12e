"""Per-file facts that project rules read, collected during the single walk.

Facts are plain frozen values, small and picklable, so worker processes can send
them back and the cache can store them: project rules never re-parse a file.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CallFact", "ClassFact", "FileFacts", "ImportFact"]


@dataclass(frozen=True, slots=True)
class ImportFact:
    """One imported module or name.

    Attributes:
        module: The absolute module (``a.b`` for ``import a.b``/``from a.b import c``).
        name: The imported name for ``from`` imports, else None.
        type_checking: Whether the import sits under ``if TYPE_CHECKING:``.
    """

    module: str
    name: str | None = None
    type_checking: bool = False


@dataclass(frozen=True, slots=True)
class ClassFact:
    """A class definition with its bases.

    Attributes:
        name: The class name.
        bases: The bases' qualified names where resolvable, else their dotted text.
        line: The ``class`` line, when the collector asked for it.
        top_level: Whether the class is defined at module level.
        keywords: Keyword arguments of the class statement, by name, as source text.
    """

    name: str
    bases: tuple[str, ...]
    line: int | None = None
    top_level: bool = True
    keywords: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CallFact:
    """A call of project-level interest (``asyncio.run``, ``FastAPI`` ...).

    Attributes:
        name: The callee's qualified name.
        line: The call's first line.
        args: Positional arguments that are string literals (their values),
            other arguments as None.
        keywords: Keyword argument names and their source text.
    """

    name: str
    line: int | None
    args: tuple[str | None, ...] = ()
    keywords: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class FileFacts:
    """Everything project rules need from one Python file.

    Attributes:
        path: Path relative to the project root.
        imports: Every import of the file.
        classes: Every class definition.
        calls: Calls of project-level interest.
        top_level_names: Names bound at module level.
        decorators: Decorator calls (qualified callee, first string argument,
            keyword text) with their line, for route detection.
        line_count: The file's number of lines.
    """

    path: str
    imports: tuple[ImportFact, ...] = ()
    classes: tuple[ClassFact, ...] = ()
    calls: tuple[CallFact, ...] = ()
    top_level_names: tuple[str, ...] = ()
    decorators: tuple[CallFact, ...] = ()
    line_count: int = 0
