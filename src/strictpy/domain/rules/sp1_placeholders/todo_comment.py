"""SP101 todo-comment: placeholder markers in comments and docstrings."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.comments import CommentToken
from strictpy.domain.analysis.docstring_nodes import docstring_node, docstring_text
from strictpy.domain.analysis.source import source_lines
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["MARKERS", "TodoComment"]

# Spelled in pieces so that this module does not trip its own rule.
MARKERS = ("TO" + "DO", "FIX" + "ME", "X" + "XX", "T" + "BD", "HA" + "CK")
MARKER_PATTERN = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(MARKERS) + r")(?![A-Za-z0-9_])"
)


def has_marker_text(text: str) -> bool:
    """Tell whether a text holds a marker anywhere (whole word or not).

    Args:
        text: A file's text.

    Returns:
        True when some marker's letters occur in it.
    """
    return any(marker in text for marker in MARKERS)


class TodoComment(FileRule):
    """Flags a comment or docstring holding a placeholder marker (see ``MARKERS``).

    The ruleset's zero-tolerance directive 1 forbids placeholders: a marker
    word says that the code is unfinished. Only the capitalised whole words
    count, so ordinary prose such as "todo list", "XXXL" or "HACKATHON" passes.
    Strings that are not docstrings are data, not notes, and are not read.
    """

    CODE = "SP101"
    NAME = "todo-comment"
    MESSAGE = "{where} contains a placeholder marker '{marker}'"
    FIX_HINT = "Finish the work and remove the marker"
    RULESET_REF = "Zero tolerance 1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""Keep a todo list of orders."""\n\nSIZE = "XXXL"\nNOTE = "'
            + MARKERS[0]
            + ' in data"\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nVALUE = 1  # ' + MARKERS[0] + ": tune\n", line=3),
        Invalid('"""A module.\n\n' + MARKERS[1] + ': explain.\n"""\n', line=3),
    )

    COMMENT_HINT = has_marker_text

    @visits(CommentToken)
    def check_comment(self, node: CommentToken) -> None:
        """Report a marker in a comment.

        Args:
            node: The comment.
        """
        match = MARKER_PATTERN.search(node.text)
        if match:
            self.report(node, where="Comment", marker=match[1])

    @visits(cst.Module, cst.FunctionDef, cst.ClassDef)
    def check_docstring(
        self, node: cst.Module | cst.FunctionDef | cst.ClassDef
    ) -> None:
        """Report a marker in a docstring, at the line that holds it.

        Args:
            node: The docstring's owner.
        """
        literal = docstring_node(node)
        text = docstring_text(literal) if literal is not None else None
        if literal is None or text is None:
            return
        raw = literal.value if isinstance(literal, cst.SimpleString) else None
        for index, line in enumerate(source_lines(text)):
            match = MARKER_PATTERN.search(line)
            if match:
                # Escapes can shift lines in the value; use the raw text when it agrees.
                delta = index if raw is None or raw.count("\n") >= index else 0
                self.report(
                    literal, line_delta=delta, where="Docstring", marker=match[1]
                )
                return
