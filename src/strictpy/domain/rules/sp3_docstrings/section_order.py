"""SP308 section-order: docstring sections out of order, unknown or malformed."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["SectionOrder"]


class SectionOrder(DocstringRule):
    """Flags docstring sections that break the ruleset's Google-style format.

    Ruleset 3.2 gives the format to follow exactly: after the summary and
    description come ``Args:``, ``Raises:``, then ``Returns:`` or ``Yields:``.
    Reported: those sections out of that order or repeated; a header spelled
    other than Google's (``Arguments:`` or ``Parameters:`` for ``Args:``,
    ``Return:`` for ``Returns:``); a header-like line (one or two capitalised
    words and a colon, with an indented body) that is no Google section; a
    header with text after its colon or indented; an empty section; and an entry
    of ``Args:``, ``Raises:`` or ``Attributes:`` that is not
    ``name (type): description`` or that is indented less than the entries above.
    ``Note:``, ``Example(s):``, ``Attributes:``, ``See Also:``, ``Warning(s):``,
    ``Keyword Args:`` and ``References:`` may stand anywhere. One finding per
    problem, at the docstring's first line; ``@overload`` signatures are exempt.
    """

    CODE = "SP308"
    NAME = "section-order"
    MESSAGE = "Docstring format: {problem}"
    FIX_HINT = (
        "Order the sections Args, Raises, Returns/Yields, as 'name: text' entries"
    )
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef load(key: str, *, fresh: bool) -> str:\n'
            '    """Load a record.\n\n    Args:\n        key (str): The key,\n'
            "            case-insensitive.\n\n        fresh: Skip the cache.\n\n"
            "    Raises:\n        errors.NotFound: If the key is unknown.\n\n"
            "    Returns:\n        str: The record.\n\n    Example:\n"
            '        load("a", fresh=True)\n    """\n    return key\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef load(key: str) -> str:\n'
            '    """Load a record.\n\n    Returns:\n        The record.\n\n'
            '    Arguments:\n        key: The key.\n    """\n    return key\n',
            line=5,
        ),
    )

    @visits(cst.FunctionDef, cst.ClassDef)
    def check(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        """Report each format problem of the docstring, at the docstring.

        Args:
            node: The function or class.
        """
        docstring = (
            self.function_docstring(node)
            if isinstance(node, cst.FunctionDef)
            else self.docs.docstring(node)
        )
        if docstring is None:
            return
        for problem in docstring.parsed.problems:
            self.report(docstring.node, problem=problem.message)
