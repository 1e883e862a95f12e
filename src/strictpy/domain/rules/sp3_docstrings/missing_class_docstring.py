"""SP302 missing-class-docstring: a class without a docstring."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["MissingClassDocstring"]


class MissingClassDocstring(DocstringRule):
    """Flags a class that has no docstring.

    Ruleset 3.2: every class must have a Google-style docstring, private, nested
    and test classes included (pydocstyle's D101 only asks it of public ones).
    Classes in ``.pyi`` stubs are exempt: the implementation carries the docs.
    """

    CODE = "SP302"
    NAME = "missing-class-docstring"
    MESSAGE = "Class '{name}' has no docstring"
    FIX_HINT = "Add a Google-style docstring saying what the class represents"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\nclass Cart:\n    """A shopping cart.\n\n'
            '    Attributes:\n        size: How many items it holds.\n    """\n\n'
            "    size: int = 0\n"
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\n@final\nclass _Cache:\n    size: int = 0\n', line=5
        ),
    )

    @visits(cst.ClassDef)
    def check(self, node: cst.ClassDef) -> None:
        """Report a class without docstring at its ``class`` line.

        Args:
            node: The class.
        """
        if not self.ctx.info.is_stub and self.docs.docstring(node) is None:
            self.report(node, name=node.name.value)
