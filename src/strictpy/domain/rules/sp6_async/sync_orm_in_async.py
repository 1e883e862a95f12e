"""SP606 sync-orm-in-async: synchronous SQLAlchemy sessions and engines in ``async def``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import (
    AsyncBodyTracker,
    callee_name,
    is_awaited,
    receiver_text,
)
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["SYNC_ORM_CALLS", "SyncOrmInAsync"]

SYNC_ORM_CALLS = frozenset(
    {
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.Session",
        "sqlalchemy.orm.sessionmaker",
        "sqlalchemy.orm.session.sessionmaker",
        "sqlalchemy.orm.scoped_session",
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlmodel.Session",
        "sqlmodel.create_engine",
    }
)
SESSION_NAMES = ("session", "db")


class SyncOrmInAsync(AsyncBodyTracker, FileRule):
    """Flags synchronous ORM sessions, engines and queries in an ``async def``.

    Ruleset 6.2.3: use ``sqlalchemy.ext.asyncio.AsyncSession`` for async
    database access; never call sync ORM methods from async functions. Inside
    an ``async def``'s own body, ``Session(...)``, ``sessionmaker(...)`` (not
    ``async_sessionmaker``), ``create_engine(...)`` and ``<session>.query(...)``
    (on a receiver named like a session or ``db``, not awaited) block the event
    loop on database I/O.
    """

    CODE = "SP606"
    NAME = "sync-orm-in-async"
    MESSAGE = "Synchronous ORM call '{name}' inside 'async def'"
    FIX_HINT = "Use AsyncSession, async_sessionmaker and create_async_engine"
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\n\n'
            "async def count(session: AsyncSession) -> None:\n"
            '    """Count.\n\n    Args:\n        session: The session.\n    """\n'
            '    await session.execute("SELECT 1")\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom sqlalchemy.orm import Session\n\n\n'
            "async def count(engine: object) -> None:\n"
            '    """Count.\n\n    Args:\n        engine: The engine.\n    """\n'
            "    with Session(engine) as session:\n        session.commit()\n",
            line=12,
        ),
    )

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report a synchronous ORM call in an ``async def``'s own body.

        Args:
            node: The call.
        """
        if not self.in_async_body:
            return
        qualified = callee_name(node, self.ctx.names)
        if qualified in SYNC_ORM_CALLS:
            self.report(node, name=qualified.rsplit(".", 1)[-1] + "(...)")
            return
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value != "query":
            return
        receiver = (receiver_text(node) or "").rsplit(".", 1)[-1].lower()
        is_session = "session" in receiver or receiver == "db"
        if is_session and not is_awaited(self.ctx.ancestors):
            self.report(node, name=f"{receiver}.query(...)")
