"""Templates of the tests of optional components, and of tests ``--fix`` creates.

``--http fastapi`` adds HTTP tests (FastAPI's test client), ``--db postgres``
database tests on SQLite, ``--cache redis`` cache tests with a mocked client.
The standalone templates need no fixture of a project's own ``conftest.py``.
"""

from __future__ import annotations

__all__ = [
    "TEST_CACHE",
    "TEST_DATABASE",
    "TEST_HTTP",
]

TEST_HTTP = '''"""Tests for the HTTP interface."""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING

from fastapi.testclient import TestClient

from {{pkg}}.api.http import create_app, serve

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

    from {{pkg}}.config import Settings


def test_health_answers_200_when_healthy(
    settings: Settings, mocker: MockerFixture
) -> None:
    """``GET /health`` answers 200 and the ruleset's JSON when every check passes.

    Args:
        settings: Settings read from the test environment.
        mocker: Pytest-mock's patcher.
    """
    mocker.patch("{{pkg}}.api.http.build_probes", return_value={"app": lambda: "ok"})
    response = TestClient(create_app(settings)).get("/health")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "healthy", "checks": {"app": "ok"}}


def test_health_answers_503_when_unhealthy(
    settings: Settings, mocker: MockerFixture
) -> None:
    """``GET /health`` answers 503 when a dependency fails.

    Args:
        settings: Settings read from the test environment.
        mocker: Pytest-mock's patcher.
    """
    mocker.patch(
        "{{pkg}}.api.http.build_probes", return_value={"db": lambda: "error: Timeout"}
    )
    response = TestClient(create_app(settings)).get("/health")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["status"] == "unhealthy"


def test_serve_runs_uvicorn(settings: Settings, mocker: MockerFixture) -> None:
    """``serve`` hands the application to uvicorn with the configured address.

    Args:
        settings: Settings read from the test environment.
        mocker: Pytest-mock's patcher.
    """
    run = mocker.patch("{{pkg}}.api.http.uvicorn.run")
    serve(settings)
    assert run.call_args.kwargs["port"] == settings.port
'''

TEST_DATABASE = '''"""Tests for the database adapter; SQLite stands in for PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from {{pkg}}.adapters.database import build_engine, check_database, session_scope

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sqlalchemy import Engine

    from {{pkg}}.config import Settings

ITEM_ID = 7


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """Provide the application's engine, disposed of afterwards.

    Args:
        settings: Settings read from the test environment.

    Yields:
        The engine.
    """
    created = build_engine(settings)
    yield created
    created.dispose()


def test_reachable_database_is_ok(engine: Engine) -> None:
    """The probe reports ``ok`` when ``SELECT 1`` succeeds.

    Args:
        engine: The application's engine.
    """
    assert check_database(engine) == "ok"


def test_unreachable_database_is_an_error(settings: Settings, tmp_path: Path) -> None:
    """The probe reports the error's kind, not its details.

    Args:
        settings: Settings read from the test environment.
        tmp_path: A folder without the database's parent folder.
    """
    missing = f"sqlite:///{tmp_path / 'missing' / 'app.db'}"
    engine = build_engine(settings.model_copy(update={"database_url": missing}))
    assert check_database(engine) == "error: OperationalError"


def test_session_commits_on_success(engine: Engine) -> None:
    """Work done in a session is committed when the block succeeds.

    Args:
        engine: The application's engine.
    """
    factory = sessionmaker(engine)
    with session_scope(factory) as session:
        session.execute(text("CREATE TABLE item (id INTEGER)"))
        session.execute(text("INSERT INTO item (id) VALUES (:id)"), {"id": ITEM_ID})
    with session_scope(factory) as session:
        assert session.execute(text("SELECT id FROM item")).scalar_one() == ITEM_ID


def test_session_rolls_back_on_error(engine: Engine) -> None:
    """A database error rolls the session back and propagates.

    Args:
        engine: The application's engine.
    """
    factory = sessionmaker(engine)
    with pytest.raises(SQLAlchemyError), session_scope(factory) as session:
        session.execute(text("SELECT id FROM no_such_table"))
'''

TEST_CACHE = '''"""Tests for the cache adapter; the Redis client is mocked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redis import Redis, RedisError

from {{pkg}}.adapters.cache import build_cache, check_cache

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

    from {{pkg}}.config import Settings


def test_reachable_cache_is_ok(mocker: MockerFixture) -> None:
    """The probe reports ``ok`` when ``PING`` succeeds.

    Args:
        mocker: Pytest-mock's patcher.
    """
    assert check_cache(mocker.Mock(spec=Redis)) == "ok"


def test_unreachable_cache_is_an_error(mocker: MockerFixture) -> None:
    """The probe reports the error's kind, not its details.

    Args:
        mocker: Pytest-mock's patcher.
    """
    client = mocker.Mock(spec=Redis)
    client.ping.side_effect = RedisError("connection refused")
    assert check_cache(client) == "error: RedisError"


def test_client_uses_the_configured_url(settings: Settings) -> None:
    """The client connects where the settings say.

    Args:
        settings: Settings read from the test environment.
    """
    kwargs = build_cache(settings).connection_pool.connection_kwargs
    assert f"redis://{kwargs['host']}:{kwargs['port']}/0" == settings.redis_url
'''
