"""SP604 global-mutable-state: ``global`` statements and module-level mutable containers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.calls import callee_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["EXEMPT_NAMES", "MUTABLE_FACTORIES", "GlobalMutableState"]

MUTABLE_DISPLAYS = (
    cst.List,
    cst.Dict,
    cst.Set,
    cst.ListComp,
    cst.DictComp,
    cst.SetComp,
)
MUTABLE_FACTORIES = frozenset(
    {
        "builtins.list",
        "builtins.dict",
        "builtins.set",
        "collections.defaultdict",
        "collections.deque",
        "collections.OrderedDict",
        "collections.Counter",
    }
)
EXEMPT_NAMES = frozenset({"__all__", "pytestmark"})
SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


class GlobalMutableState(FileRule):
    """Flags ``global`` statements and module-level mutable containers.

    Ruleset 6.2.7: never use global mutable state; request-scoped state lives in
    ``contextvars.ContextVar``. A module-level list, dict or set (a display, a
    comprehension, or ``list()``/``dict()``/``set()``/``defaultdict()``/
    ``deque()``) is shared by every task and test in the process; use a tuple,
    a ``frozenset`` or a ``MappingProxyType``, or build the value in a
    function (``functools.cache``). ``__all__`` and ``pytestmark`` are exempt,
    as are containers inside functions and classes (class-level mutable
    defaults are Ruff's RUF012).
    """

    CODE = "SP604"
    NAME = "global-mutable-state"
    MESSAGE = "{what} is global mutable state"
    FIX_HINT = (
        "Use an immutable value (tuple, frozenset, MappingProxyType) or a ContextVar"
    )
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom types import MappingProxyType\n\n'
            '__all__ = ["LIMITS"]\n\n'
            'LIMITS = MappingProxyType({"max": 10})\nNAMES = ("a", "b")\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nREGISTRY = {}\n', line=3),
        Invalid(
            '"""A module."""\n\nCOUNT = 0\n\n\ndef bump() -> None:\n'
            '    """Bump."""\n    global COUNT\n    COUNT += 1\n',
            line=8,
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Start at module level.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        self._depth = 0

    @visits(cst.Global)
    def check_global(self, node: cst.Global) -> None:
        """Report a ``global`` statement.

        Args:
            node: The statement.
        """
        names = ", ".join(item.name.value for item in node.names)
        self.report(node, what=f"'global {names}'")

    @visits(cst.Assign)
    def check_assign(self, node: cst.Assign) -> None:
        """Report a module-level assignment of a mutable container.

        Args:
            node: The assignment.
        """
        if self._in_scope():
            return
        for target in node.targets:
            self._check_binding(node, target.target, node.value)

    @visits(cst.AnnAssign)
    def check_annotated(self, node: cst.AnnAssign) -> None:
        """Report a module-level annotated assignment of a mutable container.

        Args:
            node: The annotated assignment.
        """
        if node.value is not None and not self._in_scope():
            self._check_binding(node, node.target, node.value)

    def _in_scope(self) -> bool:
        """Tell whether the current statement is inside a function or class.

        Returns:
            True below a ``def``, ``class`` or lambda.
        """
        return self._depth > 0

    @visits(*SCOPES)
    def enter_scope(self, node: cst.FunctionDef | cst.ClassDef | cst.Lambda) -> None:
        """Count entering a function, class or lambda.

        Args:
            node: The definition.
        """
        del node
        self._depth += 1

    @leaves(*SCOPES)
    def leave_scope(self, node: cst.FunctionDef | cst.ClassDef | cst.Lambda) -> None:
        """Count leaving a function, class or lambda.

        Args:
            node: The definition.
        """
        del node
        self._depth -= 1

    def _check_binding(
        self,
        node: cst.CSTNode,
        target: cst.BaseExpression,
        value: cst.BaseExpression,
    ) -> None:
        """Report names bound to mutable containers, unpacking pairwise.

        Args:
            node: The statement to report.
            target: The assignment target.
            value: The assigned value.
        """
        if isinstance(target, cst.Name):
            if target.value not in EXEMPT_NAMES and self._is_mutable(value):
                self.report(node, what=f"Module-level '{target.value}'")
            return
        if (
            isinstance(target, (cst.Tuple, cst.List))
            and isinstance(value, (cst.Tuple, cst.List))
            and len(target.elements) == len(value.elements)
        ):
            for target_element, value_element in zip(
                target.elements, value.elements, strict=True
            ):
                self._check_binding(node, target_element.value, value_element.value)

    def _is_mutable(self, value: cst.BaseExpression) -> bool:
        """Tell whether a value is a mutable container.

        Args:
            value: The assigned expression.

        Returns:
            True for list/dict/set displays and comprehensions, and calls of the
            mutable container types.
        """
        if isinstance(value, MUTABLE_DISPLAYS):
            return True
        return (
            isinstance(value, cst.Call)
            and callee_name(value, self.ctx.names) in MUTABLE_FACTORIES
        )
