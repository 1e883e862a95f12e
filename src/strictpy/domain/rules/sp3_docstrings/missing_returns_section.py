"""SP306 missing-returns-section: a function returns a value its docstring omits."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.docstring_analysis import is_property, returns_none
from strictpy.domain.analysis.google_docstrings import RETURNS, YIELDS
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import leaves
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["MissingReturnsSection"]


class MissingReturnsSection(DocstringRule):
    """Flags a function that returns a value but documents no ``Returns:``.

    Ruleset 3.2's format ends with ``Returns:`` for a function that gives a value
    (pydoclint's DOC201). A value is a ``return <expr>`` in the function's own
    body (nested functions, lambdas and classes do not count) other than
    ``return None``, in a function not annotated ``-> None``. Generators and
    async generators document ``Yields:`` instead, whatever they return. A
    ``@property`` (or ``@cached_property``) reads as an attribute and needs no
    ``Returns:``. A stub body (only a docstring: Protocol members, abstract
    methods) returns nothing and is never flagged. The finding points at the
    ``def`` line.
    """

    CODE = "SP306"
    NAME = "missing-returns-section"
    MESSAGE = "'{name}' {verb} a value but its docstring has no '{section}:' section"
    FIX_HINT = "Add 'Returns:' describing the value ('Yields:' for a generator)"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\nclass Cart:\n    """A cart."""\n\n'
            "    @property\n    def size(self) -> int:\n"
            '        """The number of items."""\n        return 0\n\n'
            "    def clear(self) -> None:\n"
            '        """Empty the cart."""\n        return None\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef total() -> int:\n'
            '    """Add up the cart."""\n    return 3\n',
            line=4,
        ),
        Invalid(
            '"""A module."""\n\n\nasync def items() -> AsyncIterator[int]:\n'
            '    """Stream the items.\n\n    Returns:\n        The items.\n    """\n'
            "    yield 1\n",
            line=4,
        ),
    )

    @leaves(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report a missing ``Returns:`` (``Yields:`` for a generator).

        Args:
            node: The function being left; its facts are complete.
        """
        facts = self.facts_of(node)
        docstring = self.function_docstring(node)
        if facts is None or docstring is None:
            return
        name = node.name.value
        if facts.yields:
            if not docstring.parsed.has(YIELDS):
                self.report(node, name=name, verb="yields", section=YIELDS)
            return
        if not facts.returns_value or returns_none(node) or is_property(node):
            return
        if not docstring.parsed.has(RETURNS):
            self.report(node, name=name, verb="returns", section=RETURNS)
