"""SP502 sql-string-building: SQL built by interpolation and passed to an executor."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name
from strictpy.domain.analysis.string_literals import is_constant_string
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["SQL_CALLEES", "SqlStringBuilding", "string_building"]

SQL_CALLEES = frozenset(
    {
        "execute",
        "executemany",
        "exec_driver_sql",
        "text",
        "raw",
        "executescript",
        "mogrify",
    }
)
# ``text`` is too common a name: only SQLAlchemy's counts.
QUALIFIED_ONLY = frozenset({"text"})
LITERALS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
# The only node types that can build a string (a cheap first filter).
BUILDING_TYPES = frozenset(
    {cst.FormattedString, cst.ConcatenatedString, cst.BinaryOperation, cst.Call}
)


def string_building(node: cst.BaseExpression) -> str | None:
    """Name the way an expression builds a string from values, if it does.

    Args:
        node: An expression.

    Returns:
        ``f-string``, ``%-formatting``, ``.format()`` or ``concatenation``; None
        for constants and anything else.
    """
    if type(node) not in BUILDING_TYPES:
        return None
    how: str | None = None
    if isinstance(node, (cst.FormattedString, cst.ConcatenatedString)):
        how = None if is_constant_string(node) else "f-string"
    elif isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Modulo) and isinstance(node.left, LITERALS):
            how = "%-formatting"
        elif isinstance(node.operator, cst.Add) and not is_constant_string(node):
            how = "concatenation"
    elif (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
    ):
        how = ".format()"
    return how


class SqlStringBuilding(FileRule):
    """Flags SQL built by f-string, ``%``, ``.format()`` or ``+`` and then executed.

    Ruleset 4.4: always use parameterized queries; raw string interpolation into
    SQL is forbidden. The first argument of ``execute``, ``executemany``,
    ``exec_driver_sql``, ``executescript``, ``mogrify``, ``raw`` and
    SQLAlchemy's ``text`` is checked, also when it is a variable assigned such a
    string earlier in the same function. Constant strings, including
    concatenated literals, are fine; values go in the parameters argument.
    """

    CODE = "SP502"
    NAME = "sql-string-building"
    MESSAGE = "SQL passed to '{callee}' is built with {how}"
    FIX_HINT = "Use a parameterized query and pass the values separately"
    RULESET_REF = "4.4"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef find(cursor: object, user_id: int) -> None:\n'
            '    """Find.\n\n    Args:\n        cursor: A DB-API cursor.\n'
            '        user_id: The user.\n    """\n'
            '    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef find(cursor: object, user_id: int) -> None:\n'
            '    """Find.\n\n    Args:\n        cursor: A DB-API cursor.\n'
            '        user_id: The user.\n    """\n'
            '    cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")\n',
            line=11,
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Start with no known built strings.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        # (enclosing function, variable) -> how its current value was built.
        self._built: dict[tuple[int, str], str] = {}
        self._functions: list[int] = [0]

    def _scope_key(self, name: str) -> tuple[int, str]:
        """Key a variable by the function (or module) it lives in.

        Args:
            name: The variable.

        Returns:
            The key into ``_built``.
        """
        return (self._functions[-1], name)

    @visits(cst.FunctionDef)
    def enter_function(self, node: cst.FunctionDef) -> None:
        """Enter a function's variables.

        Args:
            node: The function.
        """
        self._functions.append(id(node))

    @leaves(cst.FunctionDef)
    def leave_function(self, node: cst.FunctionDef) -> None:
        """Leave a function's variables.

        Args:
            node: The function.
        """
        del node
        self._functions.pop()

    @visits(cst.Assign)
    def track_assign(self, node: cst.Assign) -> None:
        """Remember which variables hold built strings.

        Args:
            node: The assignment.
        """
        how = string_building(node.value)
        for target in node.targets:
            if not isinstance(target.target, cst.Name):
                continue
            key = self._scope_key(target.target.value)
            if how is not None:
                self._built[key] = how
            else:
                self._built.pop(key, None)

    @visits(cst.AugAssign)
    def track_augmented(self, node: cst.AugAssign) -> None:
        """Remember ``sql += value`` as concatenation.

        Args:
            node: The augmented assignment.
        """
        if isinstance(node.target, cst.Name) and isinstance(
            node.operator, cst.AddAssign
        ):
            key = self._scope_key(node.target.value)
            if not is_constant_string(node.value) or self._built.get(key):
                self._built[key] = "concatenation"

    @visits(cst.Call)
    def check(self, node: cst.Call) -> None:
        """Report an SQL executor called with a built string.

        Args:
            node: The call.
        """
        callee = self._sql_callee(node)
        if callee is None or not node.args:
            return
        first = node.args[0]
        if first.keyword is not None or first.star:
            return
        how = string_building(first.value)
        if how is None and isinstance(first.value, cst.Name):
            how = self._built.get(self._scope_key(first.value.value))
        if how is not None:
            self.report(node, callee=callee, how=how)

    def _sql_callee(self, node: cst.Call) -> str | None:
        """Return the SQL executor a call invokes, if it is one.

        Args:
            node: The call.

        Returns:
            The callee's last name part, or None.
        """
        func = node.func
        if isinstance(func, cst.Attribute):
            name = func.attr.value
        elif isinstance(func, cst.Name):
            name = func.value
        else:
            return None
        if name not in SQL_CALLEES:
            return None
        if name in QUALIFIED_ONLY:
            qualified = callee_name(node, self.ctx.names) or ""
            if not qualified.startswith(("sqlalchemy.", "sqlmodel.")):
                return None
        elif isinstance(func, cst.Name) and self.ctx.names is not None:
            # A bare name must come from an import, not a local helper.
            qualified = self.ctx.names.lookup(name)
            if qualified is None:
                return None
        return name
