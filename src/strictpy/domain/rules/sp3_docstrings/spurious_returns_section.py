"""SP310 spurious-returns-section: ``Returns:`` on a function that returns nothing."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.docstring_analysis import is_abstract, is_stub_body
from strictpy.domain.analysis.google_docstrings import RETURNS
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import leaves
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["SpuriousReturnsSection"]


class SpuriousReturnsSection(DocstringRule):
    """Flags a ``Returns:`` section on a function that never returns a value.

    Ruleset 3.2: the docstring documents what the function does. A ``Returns:``
    on a function without ``return <value>`` in its own body (``return`` and
    ``return None`` give no value; nested functions do not count) promises a
    result callers will never get (pydoclint's DOC202). A generator documents
    ``Yields:``, not ``Returns:``, unless it returns a value too. Stubs may
    describe the value implementations return: a body that is only a docstring
    (Protocol members) and ``@abstractmethod`` methods are exempt. The finding
    points at the ``def`` line.
    """

    CODE = "SP310"
    NAME = "spurious-returns-section"
    MESSAGE = "'{name}' documents 'Returns:' but never returns a value"
    FIX_HINT = "Remove the 'Returns:' section (a generator documents 'Yields:')"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom typing import Protocol\n\n\n'
            'class Store(Protocol):\n    """A store."""\n\n'
            "    def size(self) -> int:\n"
            '        """Count the items.\n\n        Returns:\n'
            '            The count.\n        """\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef clear(items: list[int]) -> None:\n'
            '    """Empty a list.\n\n    Args:\n        items: The list.\n\n'
            '    Returns:\n        Nothing.\n    """\n    items.clear()\n',
            line=4,
        ),
    )

    @leaves(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report ``Returns:`` when the function's own body returns no value.

        Args:
            node: The function being left; its facts are complete.
        """
        facts = self.facts_of(node)
        docstring = self.function_docstring(node)
        if facts is None or docstring is None or facts.returns_value:
            return
        if not docstring.parsed.has(RETURNS):
            return
        if is_stub_body(node) or is_abstract(node):
            return
        self.report(node, name=node.name.value)
