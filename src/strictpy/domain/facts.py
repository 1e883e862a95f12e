"""Per-file facts that project rules read, collected during the single walk.

Facts are plain frozen values, small and picklable, so worker processes can send
them back and the cache can store them: project rules never re-parse a file.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

from strictpy.utils.slot_init import stores_through_slots

__all__ = [
    "ANY_METHOD",
    "BUILTIN_EXCEPTIONS",
    "CallFact",
    "ClassFact",
    "FieldFact",
    "FileFacts",
    "ImportFact",
    "RouteFact",
    "RouterFact",
    "url_drivers",
]

# Every exception class of the builtins module, qualified as the resolver spells
# it (class facts name their bases so; project rules compare with these).
BUILTIN_EXCEPTIONS = frozenset(
    f"builtins.{name}"
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)
# A route's methods when they are not a literal: any of them.
ANY_METHOD = "*"
DB_URL_DRIVER = re.compile(r"\b[a-z][a-z0-9]*\+([a-z][a-z0-9_]*)://", re.IGNORECASE)


def url_drivers(text: str) -> tuple[str, ...]:
    """Return the drivers named in database URLs of a text (``asyncpg``).

    Args:
        text: A string literal's text, or a project file's.

    Returns:
        Lower-case driver names, in order of appearance.
    """
    if "://" not in text:
        return ()
    return tuple(match.lower() for match in DB_URL_DRIVER.findall(text))


@stores_through_slots
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


@stores_through_slots
@dataclass(frozen=True, slots=True)
class FieldFact:
    """An annotated field of a settings or model class body.

    Attributes:
        name: The field name.
        has_default: Whether the field has a default (value, ``Field(default)``
            or ``default_factory``).
        aliases: Literal names from ``alias=``/``validation_alias=`` (including
            the choices of ``AliasChoices``).
        annotation: The annotation's source text.
    """

    name: str
    has_default: bool
    aliases: tuple[str, ...] = ()
    annotation: str = ""


@stores_through_slots
@dataclass(frozen=True, slots=True)
class ClassFact:
    """A class definition with its bases.

    Attributes:
        name: The class name.
        bases: The bases' qualified names where resolvable, else their dotted text.
        line: The ``class`` line, when the collector asked for it.
        top_level: Whether the class is defined at module level.
        keywords: Keyword arguments of the class statement, by name, as source text.
        fields: Annotated class-body fields, for settings and model classes
            (classes of ``config.py`` and subclasses of pydantic's classes).
        config: ``model_config`` entries of such classes, by key, as source text.
    """

    name: str
    bases: tuple[str, ...]
    line: int | None = None
    top_level: bool = True
    keywords: tuple[tuple[str, str], ...] = ()
    fields: tuple[FieldFact, ...] = ()
    config: tuple[tuple[str, str], ...] = ()


@stores_through_slots
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


@stores_through_slots
@dataclass(frozen=True, slots=True)
class RouteFact:
    """A route registered on an application or router object.

    Attributes:
        owner: The object the route is registered on, module-qualified
            (``app.main.app``) or as the import resolved it.
        path: The literal path, or None when it is not a string literal.
        methods: Upper-case HTTP methods named; empty for the framework default
            (GET for ``route``/``api_route``/``add_url_rule``).
        line: The decorator's or call's first line.
    """

    owner: str
    path: str | None
    methods: tuple[str, ...]
    line: int | None


@stores_through_slots
@dataclass(frozen=True, slots=True)
class RouterFact:
    """An application or router created, or a router included in another.

    Attributes:
        kind: ``app`` (``FastAPI()``/``Flask()``), ``router``
            (``APIRouter()``/``Blueprint()``) or ``include``
            (``include_router``/``register_blueprint``).
        owner: The created object (assignment target), or the including object.
        prefix: The literal ``prefix``/``url_prefix``; empty when absent.
        child: The included router, for ``include``.
        line: The call's first line.
    """

    kind: str
    owner: str
    prefix: str = ""
    child: str | None = None
    line: int | None = None


@stores_through_slots
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
        main_calls: Callees called in the module's ``if __name__ ==
            "__main__":`` block; None when the file has no such block.
        routes: HTTP routes registered by decorators or ``add_*`` calls.
        routers: Applications and routers created, and router inclusions.
        json_formatters: Classes of the file that subclass a ``Formatter`` and
            emit JSON (call ``json.dumps`` or similar).
        dotted_strings: String literals of ``<pkg>/logging.py`` that look like
            dotted references (``pythonjsonlogger.json.JsonFormatter``).
        url_drivers: Drivers named in database URL literals
            (``asyncpg`` in ``postgresql+asyncpg://``).
    """

    path: str
    imports: tuple[ImportFact, ...] = ()
    classes: tuple[ClassFact, ...] = ()
    calls: tuple[CallFact, ...] = ()
    top_level_names: tuple[str, ...] = ()
    decorators: tuple[CallFact, ...] = ()
    line_count: int = 0
    main_calls: tuple[str, ...] | None = None
    routes: tuple[RouteFact, ...] = ()
    routers: tuple[RouterFact, ...] = ()
    json_formatters: tuple[str, ...] = ()
    dotted_strings: tuple[str, ...] = ()
    url_drivers: tuple[str, ...] = ()
