"""SP305 unknown-documented-param: ``Args:`` names a parameter that does not exist."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import all_params
from strictpy.domain.analysis.google_docstrings import normalize_param
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import visits
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["UnknownDocumentedParam"]


class UnknownDocumentedParam(DocstringRule):
    """Flags an ``Args:`` entry naming a parameter the signature does not have.

    Ruleset 3.2: the docstring documents the function as it is. An entry for a
    renamed or removed parameter misleads the reader (pydoclint's DOC102). Stars
    are ignored when comparing (``*args``, ``args`` and ``\\*args`` are the same).
    When ``__init__`` has no ``Args:`` of its own, the class docstring's
    ``Args:`` is compared with ``__init__``'s signature and the finding points at
    the ``class`` line; a class without an explicit ``__init__`` (a dataclass,
    say) is not checked. ``Keyword Args:`` entries are keys of ``**kwargs`` and
    are not compared. One finding per entry, at the ``def`` (or ``class``) line.
    """

    CODE = "SP305"
    NAME = "unknown-documented-param"
    MESSAGE = "'Args:' documents '{param}', which '{function}' does not take"
    FIX_HINT = "Remove the entry or rename it to match the signature"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef log(*args: str, **kwargs: str) -> None:\n'
            '    """Log a message.\n\n    Args:\n        *args: Message parts.\n'
            '        kwargs: Extra fields.\n    """\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef scale(value: float) -> float:\n'
            '    """Scale a value.\n\n    Args:\n        value: The value.\n'
            "        factor: The factor.\n\n    Returns:\n        The scaled value.\n"
            '    """\n    return value * 2\n',
            line=4,
        ),
    )

    @visits(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report each ``Args:`` entry that is not one of the parameters.

        Args:
            node: The function.
        """
        docstring = self.function_docstring(node)
        if docstring is None:
            return
        section, owner = self.args_section(node, docstring)
        if section is None:
            return
        declared = {param.name.value for param in all_params(node.params)}
        target: cst.CSTNode = owner if owner is not None else node
        for name in section.names:
            if normalize_param(name) not in declared:
                self.report(target, param=name, function=node.name.value)
