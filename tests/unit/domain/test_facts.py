"""Tests for the per-file facts: small, frozen and picklable values."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from strictpy.domain.facts import (
    CallFact,
    ClassFact,
    FieldFact,
    FileFacts,
    ImportFact,
    RouteFact,
    RouterFact,
    url_drivers,
)

FACTS = FileFacts(
    path="src/shop/api/app.py",
    imports=(ImportFact("fastapi", "FastAPI"),),
    classes=(
        ClassFact(
            "Settings",
            ("pydantic_settings.BaseSettings",),
            5,
            fields=(FieldFact("token", has_default=False, aliases=("API_TOKEN",)),),
            config=(("env_file", '".env"'),),
        ),
    ),
    calls=(CallFact("fastapi.FastAPI", 3),),
    line_count=9,
    main_calls=("main",),
    routes=(RouteFact("shop.api.app.app", "/health", ("GET",), 7),),
    routers=(RouterFact("app", "shop.api.app.app", line=3),),
    json_formatters=("JsonFormatter",),
    dotted_strings=("pythonjsonlogger.json.JsonFormatter",),
    url_drivers=("asyncpg",),
)


def test_facts_survive_pickling() -> None:
    """Worker processes send facts back pickled; nothing is lost."""
    assert pickle.loads(pickle.dumps(FACTS)) == FACTS  # noqa: S301 - own data


def test_facts_are_frozen() -> None:
    """Facts cannot change after the pass (the cache stores them)."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        FACTS.routes[0].path = "/other"  # type: ignore[misc]


def test_defaults_describe_an_empty_file() -> None:
    """A file without anything of interest has empty facts; no main guard."""
    empty = FileFacts("a.py")
    assert (empty.main_calls, empty.routes, empty.classes) == (None, (), ())
    assert ClassFact("A", ()).fields == ()


def test_url_drivers() -> None:
    """Drivers of scheme+driver:// URLs, lower-cased."""
    assert url_drivers("postgresql+asyncpg://u@h/db and mysql+PyMySQL://x") == (
        "asyncpg",
        "pymysql",
    )
    assert url_drivers("postgresql://u@h/db") == ()
    assert url_drivers("a+b") == ()
