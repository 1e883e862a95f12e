"""SP304 undocumented-param: a parameter missing from the docstring's ``Args:``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import has_decorator, is_method
from strictpy.domain.analysis.google_docstrings import normalize_param
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp2_typing.missing_param_annotation import checked_params
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["UndocumentedParam"]


class UndocumentedParam(DocstringRule):
    """Flags a parameter that the docstring's ``Args:`` section does not list.

    Ruleset 3.2's format documents every argument under ``Args:`` (pydoclint's
    DOC101/DOC103). The first parameter of a method (``self``, ``cls``) is exempt
    as in SP201, except on a ``@staticmethod``; ``*args`` and ``**kwargs`` count
    and may be listed with or without their stars. ``__init__`` may list its
    parameters in its own docstring or in the class docstring. Unlike pydoclint's
    default, a docstring with a summary only is not skipped, and test functions
    are not exempt: the ruleset asks every function for its ``Args:``, and a test
    that documents its fixtures tells the reader what it depends on. A function
    without a docstring is SP301's finding only; ``@overload`` signatures are
    exempt. One finding per parameter, at the ``def`` line.
    """

    CODE = "SP304"
    NAME = "undocumented-param"
    MESSAGE = "Parameter '{param}' of '{function}' is missing from 'Args:'"
    FIX_HINT = "Add 'name: description' for the parameter under 'Args:'"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\nclass Cart:\n    """A cart.\n\n    Args:\n'
            '        owner: Who owns it.\n    """\n\n'
            "    def __init__(self, owner: str) -> None:\n"
            '        """Create an empty cart."""\n        self.owner = owner\n\n'
            "    def add(self, *items: str) -> None:\n"
            '        """Add items.\n\n        Args:\n'
            '            items: The items to add.\n        """\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\n@cache\ndef scale(value: float, factor: float) -> float:\n'
            '    """Scale a value.\n\n    Args:\n        value: The value.\n\n'
            '    Returns:\n        The scaled value.\n    """\n'
            "    return value * factor\n",
            line=5,
        ),
    )

    @visits(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report each checked parameter that ``Args:`` does not name.

        Args:
            node: The function.
        """
        docstring = self.function_docstring(node)
        if docstring is None:
            return
        method = is_method(self.ctx.ancestors)
        static = method and has_decorator(node, None, "staticmethod")
        params = checked_params(node, method=method, static=static)
        if not params:
            return
        section, _ = self.args_section(node, docstring)
        documented = (
            {normalize_param(name) for name in section.names} if section else set()
        )
        for param in params:
            if param.name.value not in documented:
                self.report(node, param=param.name.value, function=node.name.value)
