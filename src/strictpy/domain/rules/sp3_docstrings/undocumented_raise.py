"""SP307 undocumented-raise: a raised exception missing from ``Raises:``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.google_docstrings import RAISES
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import leaves
from strictpy.domain.rules.sp3_docstrings.docstring_rule import DocstringRule

__all__ = ["UndocumentedRaise", "documents"]


def documents(documented: str, raised: str) -> bool:
    """Tell whether a ``Raises:`` entry names a raised exception.

    Names match as written or by their last dotted parts: ``errors.NotFound``
    is documented by ``errors.NotFound`` and by ``NotFound``, and ``NotFound``
    by ``errors.NotFound``.

    Args:
        documented: The entry's name.
        raised: The name after ``raise``.

    Returns:
        True when the entry covers the exception.
    """
    return (
        documented == raised
        or raised.endswith(f".{documented}")
        or documented.endswith(f".{raised}")
    )


class UndocumentedRaise(DocstringRule):
    """Flags an exception the function raises that ``Raises:`` does not list.

    Ruleset 3.2's format lists raised exceptions under ``Raises:`` (pydoclint's
    DOC501/DOC503). Only the function's own ``raise`` statements count (not those
    of nested functions, lambdas or classes), by the exception's name as written;
    an exception raised and caught in the same function still counts, as in
    pydoclint. A bare ``raise`` re-raises and is not counted; neither is
    ``raise exc`` of a name bound by ``except ... as exc``. A raised name whose
    last part starts in lowercase (``raise error``, ``raise self._failure()``)
    is a variable or a factory whose exception type cannot be read from the
    source, and is not counted either. ``raise NotImplementedError`` in an
    abstract method counts, as in pydoclint. One finding per exception, at the
    ``def`` line.
    """

    CODE = "SP307"
    NAME = "undocumented-raise"
    MESSAGE = "'{function}' raises '{exception}' but 'Raises:' does not list it"
    FIX_HINT = "Add 'ExceptionName: when it is raised' under 'Raises:'"
    RULESET_REF = "3.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport errors\n\n\ndef load(key: str) -> None:\n'
            '    """Load a record.\n\n    Args:\n        key: The key.\n\n'
            '    Raises:\n        NotFound: If the key is unknown.\n    """\n'
            "    try:\n        lookup(key)\n    except KeyError as error:\n"
            "        raise errors.NotFound(key) from error\n"
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef check(value: int) -> None:\n'
            '    """Check a value.\n\n    Args:\n        value: The value.\n    """\n'
            "    if value < 0:\n        raise ValueError(value)\n",
            line=4,
        ),
    )

    @leaves(cst.FunctionDef)
    def check(self, node: cst.FunctionDef) -> None:
        """Report each raised exception name that ``Raises:`` does not cover.

        Args:
            node: The function being left; its facts are complete.
        """
        facts = self.facts_of(node)
        docstring = self.function_docstring(node)
        if facts is None or docstring is None or not facts.raised:
            return
        section = docstring.parsed.section(RAISES)
        documented = section.names if section is not None else ()
        reported: set[str] = set()
        for name, _ in facts.raised:
            if name in reported or name in facts.caught:
                continue
            if not name.rsplit(".", 1)[-1][:1].isupper():
                continue
            reported.add(name)
            if not any(documents(entry, name) for entry in documented):
                self.report(node, function=node.name.value, exception=name)
