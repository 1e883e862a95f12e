"""SP000 parse-error: the file could not be read, decoded or parsed."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule

__all__ = ["ParseError"]


class ParseError(FileRule):
    """Flags a Python file that cannot be read, decoded or parsed.

    Every other rule needs the syntax tree, so such a file is not checked at all
    until it parses. The finding carries the parser's message and, where known,
    the line. The run goes on with the other files.
    """

    CODE = "SP000"
    NAME = "parse-error"
    MESSAGE = "File could not be checked: {reason}"
    FIX_HINT = "Make the file valid Python 3.13 source in a known encoding"
    RULESET_REF = "3.1"
    VALID: ClassVar[tuple[Valid, ...]] = (Valid('"""A module."""\n'),)
    INVALID: ClassVar[tuple[Invalid, ...]] = (Invalid("def broken(:\n", line=1),)
