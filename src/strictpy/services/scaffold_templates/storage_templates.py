"""Templates of the infrastructure adapters and migrations (ruleset 6, 10).

``--db postgres`` adds the SQLAlchemy engine with pool settings, the session
lifecycle and Alembic; ``--cache redis`` adds the Redis client. Both expose a
health probe that reports ``ok`` or ``error: <kind>`` without internal details.
"""

from __future__ import annotations

__all__ = [
    "ALEMBIC_ENV",
    "ALEMBIC_INI",
    "ALEMBIC_SCRIPT",
    "CACHE_ADAPTER",
    "DATABASE_ADAPTER",
]

DATABASE_ADAPTER = '''"""PostgreSQL through SQLAlchemy: the pooled engine and the session lifecycle."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from {{pkg}}.domain.health_report import OK

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from {{pkg}}.config import Settings

__all__ = ["build_engine", "check_database", "session_scope"]


def build_engine(settings: Settings) -> Engine:
    """Create the engine with a bounded, pre-pinged connection pool.

    Args:
        settings: The application settings.

    Returns:
        The engine; it connects lazily.
    """
    return create_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_pre_ping=True,
    )


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Open a session; commit on success, roll back on error, always close.

    Args:
        factory: The session factory.

    Yields:
        The open session.
    """
    session = factory()
    try:
        yield session
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        raise
    finally:
        session.close()


def check_database(engine: Engine) -> str:
    """Probe the database with ``SELECT 1``.

    Args:
        engine: The engine.

    Returns:
        ``ok``, or ``error: <kind>`` without connection details.
    """
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        return f"error: {type(error).__name__}"
    return OK
'''

CACHE_ADAPTER = '''"""The Redis cache client and its health probe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redis import Redis, RedisError

from {{pkg}}.domain.health_report import OK

if TYPE_CHECKING:
    from {{pkg}}.config import Settings

__all__ = ["build_cache", "check_cache"]

SOCKET_TIMEOUT_SECONDS = 2.0


def build_cache(settings: Settings) -> Redis:
    """Create the Redis client; it connects lazily.

    Args:
        settings: The application settings.

    Returns:
        The client.
    """
    return Redis.from_url(
        settings.redis_url,
        socket_timeout=SOCKET_TIMEOUT_SECONDS,
        socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
    )


def check_cache(client: Redis) -> str:
    """Probe the cache with ``PING``.

    Args:
        client: The Redis client.

    Returns:
        ``ok``, or ``error: <kind>`` without connection details.
    """
    try:
        client.ping()
    except RedisError as error:
        return f"error: {type(error).__name__}"
    return OK
'''

ALEMBIC_INI = """# Alembic: migrations live in migrations/; the database URL comes from the
# application settings ({{prefix}}DATABASE_URL), never from this file.
[alembic]
script_location = %(here)s/migrations
prepend_sys_path = src
path_separator = os
"""

ALEMBIC_ENV = '''"""Alembic environment: migrations run with the application's own engine."""

from alembic import context

from {{pkg}}.adapters.database import build_engine
from {{pkg}}.config import Settings
from {{pkg}}.logging import configure_logging

# Set to the models' MetaData to let ``alembic revision --autogenerate`` work.
TARGET_METADATA = None


def run_offline(settings: Settings) -> None:
    """Emit the migrations as SQL, without a database connection.

    Args:
        settings: The application settings.
    """
    context.configure(
        url=settings.database_url,
        target_metadata=TARGET_METADATA,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online(settings: Settings) -> None:
    """Run the migrations on a connection of the application's engine.

    Args:
        settings: The application settings.
    """
    engine = build_engine(settings)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=TARGET_METADATA)
        with context.begin_transaction():
            context.run_migrations()


def main() -> None:
    """Run the migrations in the mode Alembic asks for."""
    settings = Settings()
    configure_logging(settings.log_level)
    if context.is_offline_mode():
        run_offline(settings)
    else:
        run_online(settings)


main()
'''

ALEMBIC_SCRIPT = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}


def upgrade() -> None:
    """Apply this revision."""
    ${upgrades if upgrades else ""}


def downgrade() -> None:
    """Revert this revision."""
    ${downgrades if downgrades else ""}
'''
