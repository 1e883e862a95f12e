"""SP714 engine-without-pool-settings: engines created without explicit pool settings."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name, keyword_argument
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["ENGINE_FACTORIES", "EngineWithoutPoolSettings"]

ENGINE_FACTORIES = frozenset(
    {
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "sqlmodel.create_engine",
    }
)
POOL_SIZES = ("pool_size", "max_overflow")
PRE_PING = "pool_pre_ping"


class EngineWithoutPoolSettings(FileRule):
    """Flags ``create_engine``/``create_async_engine`` without pool settings.

    Ruleset 6 and 9 (services in containers): an engine's defaults (five
    connections, ten overflow, no liveness check) fail under load or after a
    database restart. Every engine states ``pool_size``, ``max_overflow`` and
    ``pool_pre_ping=True``. Calls that pass ``**options`` (unknown contents), a
    ``poolclass`` (``NullPool``/``StaticPool`` have no size) or an SQLite URL
    literal are not reported; ``pool_pre_ping`` from a variable is accepted,
    only a literal ``False`` is not.
    """

    CODE = "SP714"
    NAME = "engine-without-pool-settings"
    MESSAGE = "'{name}()' without {missing}"
    FIX_HINT = "Pass pool_size, max_overflow and pool_pre_ping=True (from settings)"
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom sqlalchemy.ext.asyncio import create_async_engine\n\n'
            "ENGINE = create_async_engine(\n"
            '    "postgresql+asyncpg://db/app",\n    pool_size=10,\n'
            "    max_overflow=5,\n    pool_pre_ping=True,\n)\n",
            path="src/app/adapters/db.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom sqlalchemy import create_engine\n\n'
            'ENGINE = create_engine("postgresql://db/app")\n',
            line=5,
            path="src/app/adapters/db.py",
        ),
    )

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report an engine factory call that leaves pool settings out.

        Args:
            node: The call.
        """
        qualified = callee_name(node, self.ctx.names)
        if qualified not in ENGINE_FACTORIES or _exempt(node):
            return
        missing = [name for name in POOL_SIZES if keyword_argument(node, name) is None]
        pre_ping = keyword_argument(node, PRE_PING)
        if pre_ping is None or (
            isinstance(pre_ping.value, cst.Name) and pre_ping.value.value == "False"
        ):
            missing.append(f"{PRE_PING}=True")
        if missing:
            self.report(
                node, name=qualified.rsplit(".", 1)[-1], missing=", ".join(missing)
            )


def _exempt(node: cst.Call) -> bool:
    """Tell whether the call's pool settings cannot or need not be checked.

    Args:
        node: The engine factory call.

    Returns:
        True with ``**options``, an explicit ``poolclass`` or an SQLite URL.
    """
    if any(argument.star == "**" for argument in node.args):
        return True
    if keyword_argument(node, "poolclass") is not None:
        return True
    first = node.args[0] if node.args else None
    if first is None or first.keyword is not None:
        return False
    value = first.value
    return isinstance(value, cst.SimpleString) and "sqlite" in value.value[:12]
