"""SP105 not-implemented: ``raise NotImplementedError`` outside abstract methods."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import enclosing_function, has_decorator
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["NotImplementedRule"]


class NotImplementedRule(FileRule):
    """Flags ``raise NotImplementedError`` outside an ``@abstractmethod``.

    The ruleset's zero-tolerance directive 1 demands full implementations.
    ``NotImplementedError`` in a concrete function marks missing work; an
    interface method declares itself with ``@abstractmethod`` and a docstring.
    """

    CODE = "SP105"
    NAME = "not-implemented"
    MESSAGE = "'raise NotImplementedError' marks a missing implementation"
    FIX_HINT = "Implement the function, or make it an @abstractmethod"
    RULESET_REF = "Zero tolerance 1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom abc import ABC, abstractmethod\n\n\nclass Port(ABC):\n'
            '    """A port."""\n\n    @abstractmethod\n    def send(self) -> None:\n'
            '        """Send."""\n        raise NotImplementedError\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef send() -> None:\n    """Send."""\n    raise NotImplementedError("later")\n',
            line=6,
        ),
    )

    @visits(cst.Raise)
    def check(self, node: cst.Raise) -> None:
        """Report ``raise NotImplementedError`` outside abstract methods.

        Args:
            node: The raise statement.
        """
        raised = node.exc
        if isinstance(raised, cst.Call):
            raised = raised.func
        if raised is None or self.ctx.names is None:
            return
        if self.ctx.names.qualified_name(raised) != "builtins.NotImplementedError":
            return
        function = enclosing_function(self.ctx.ancestors)
        if function is not None and has_decorator(
            function, self.ctx.names, "abstractmethod", "abc.abstractmethod"
        ):
            return
        self.report(node)
