"""The base of the SP3 rules: access to the per-file docstring analysis."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.definitions import is_method
from strictpy.domain.analysis.docstring_analysis import DocstringAnalysis, is_overload
from strictpy.domain.analysis.google_docstrings import ARGS
from strictpy.domain.file_rule import FileRule

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from strictpy.domain.analysis.context import FileContext
    from strictpy.domain.analysis.docstring_analysis import Docstring, FunctionFacts
    from strictpy.domain.analysis.google_docstrings import Section
    from strictpy.domain.analysis.walker import Visitor

__all__ = ["DocstringRule", "enclosing_class"]


def enclosing_class(ancestors: Sequence[cst.CSTNode]) -> cst.ClassDef | None:
    """Return the class whose body directly defines the function being visited.

    Args:
        ancestors: The ancestors of the ``FunctionDef``, outermost first.

    Returns:
        The class, or None when the function is not a method.
    """
    if not is_method(ancestors):
        return None
    owner = ancestors[-2]
    return owner if isinstance(owner, cst.ClassDef) else None


class DocstringRule(FileRule):
    """Shared plumbing of the docstring rules; not a rule itself.

    Every SP3 rule that reads docstrings declares the same analysis, so the engine
    parses each docstring once per file and collects each function's facts once,
    however many SP3 rules are selected.
    """

    ANALYSES: ClassVar[tuple[Callable[[FileContext], Visitor], ...]] = (
        DocstringAnalysis,
    )

    @functools.cached_property
    def docs(self) -> DocstringAnalysis:
        """The file's docstring analysis, looked up once per rule and file.

        Returns:
            The analysis shared by every SP3 rule of the walk.
        """
        return self.ctx.analysis(DocstringAnalysis)

    def is_overload(self, node: cst.FunctionDef) -> bool:
        """Tell whether a function is an ``@overload`` signature, exempt from SP3.

        Args:
            node: The function being visited or left.

        Returns:
            True for an overload signature.
        """
        facts = self.docs.current
        if facts is not None and facts.node is node:
            return facts.overload
        return is_overload(node)

    def function_docstring(self, node: cst.FunctionDef) -> Docstring | None:
        """Return the docstring of a function whose docstring content is checked.

        ``@overload`` signatures are exempt, and a function without a docstring
        is SP301's finding alone.

        Args:
            node: The function being visited or left.

        Returns:
            The docstring, or None when there is nothing to check.
        """
        return None if self.is_overload(node) else self.docs.docstring(node)

    def facts_of(self, node: cst.FunctionDef) -> FunctionFacts | None:
        """Return a function's own facts, from a ``@leaves(cst.FunctionDef)`` handler.

        Args:
            node: The function being left.

        Returns:
            The facts, or None when the analysis is not inside that function.
        """
        facts = self.docs.current
        return facts if facts is not None and facts.node is node else None

    def args_section(
        self, node: cst.FunctionDef, docstring: Docstring
    ) -> tuple[Section | None, cst.ClassDef | None]:
        """Return the ``Args:`` section that documents a function's parameters.

        An ``__init__`` without its own ``Args:`` may have them in the class
        docstring, as Google's style guide allows.

        Args:
            node: The function, visited now (the walk's ancestors are its own).
            docstring: The function's docstring.

        Returns:
            The section (or None) and the class whose docstring holds it, when
            it is the class's.
        """
        own = docstring.parsed.section(ARGS)
        if own is not None or node.name.value != "__init__":
            return own, None
        owner = enclosing_class(self.ctx.ancestors)
        class_docstring = self.docs.docstring(owner) if owner is not None else None
        if class_docstring is None:
            return None, None
        return class_docstring.parsed.section(ARGS), owner
