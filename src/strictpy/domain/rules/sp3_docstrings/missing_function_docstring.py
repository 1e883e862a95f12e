"""SP301 missing-function-docstring: a function or method without a docstring."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["MissingFunctionDocstring"]


class MissingFunctionDocstring(DocstringRule):
    """Flags a function or method that has no docstring.

    Ruleset 3.2: every function must have a Google-style docstring. Unlike
    pydocstyle's D103, strictpy does not exempt private functions, nested
    functions, dunder methods or tests: the ruleset names no exception. Only
    ``@overload`` signatures (the implementation carries the docstring) and
    ``.pyi`` stubs (they describe types; the implementation carries the docs) are
    exempt. A bytes literal or an f-string in first place is no docstring, exactly
    as for the interpreter.
    """

    CODE = "SP301"
    NAME = "missing-function-docstring"
    MESSAGE = "Function '{name}' has no docstring"
    FIX_HINT = "Add a Google-style docstring (summary line, then Args/Raises/Returns)"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom typing import overload\n\n\n@overload\n'
            "def half(value: int) -> int: ...\n\n\n"
            "def half(value: float) -> float:\n"
            '    """Halve a number.\n\n    Args:\n        value: The number.\n\n'
            '    Returns:\n        Half of it.\n    """\n    return value / 2\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\nclass Cart:\n    """A cart."""\n\n'
            "    @property\n    def size(self) -> int:\n        return 0\n",
            line=8,
        ),
        Invalid('"""A module."""\n\n\ndef run() -> None:\n    f"""Run."""\n', line=4),
    )

    @visits(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report a function without docstring at its ``def`` line.

        Args:
            node: The function.
        """
        if self.ctx.info.is_stub or self.is_overload(node):
            return
        if self.docs.docstring(node) is None:
            self.report(node, name=node.name.value)
