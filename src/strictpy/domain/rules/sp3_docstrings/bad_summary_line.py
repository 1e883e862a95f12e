"""SP303 bad-summary-line: a docstring summary that is not one sentence line."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["BadSummaryLine"]


class BadSummaryLine(DocstringRule):
    """Flags a docstring whose summary is not a single line ending in a period.

    Ruleset 3.2 shows the format to follow exactly: the summary is one line on the
    opening quotes' line, ends with a period, and is followed by a blank line when
    more text follows. This is pydocstyle's D205, D212 and D400 together; tools
    that render docstrings (``help()``, IDE tooltips, ``strictpy rule``) show the
    first line alone, so a summary cut in two reads as a broken sentence. Function
    and class docstrings are checked; ``@overload`` signatures are exempt. The
    finding points at the docstring.
    """

    CODE = "SP303"
    NAME = "bad-summary-line"
    MESSAGE = "Docstring summary {problem}"
    FIX_HINT = "Write a one-line summary ending in '.', then a blank line"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef run() -> None:\n'
            '    """Run the job once.\n\n    It never retries.\n    """\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef run() -> None:\n'
            '    """Run the job\n    once, never retrying.\n    """\n',
            line=5,
        ),
        Invalid('"""A module."""\n\n\nclass Job:\n    """A job"""\n', line=5),
    )

    @visits(cst.FunctionDef, cst.ClassDef)
    def check(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        """Report the summary's first problem at the docstring.

        Args:
            node: The function or class.
        """
        docstring = (
            self.function_docstring(node)
            if isinstance(node, cst.FunctionDef)
            else self.docs.docstring(node)
        )
        if docstring is not None and docstring.parsed.summary_problem is not None:
            self.report(docstring.node, problem=docstring.parsed.summary_problem)
