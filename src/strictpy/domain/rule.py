"""The rule base classes: one small class per rule carries its code, docs, examples and logic.

A rule's class docstring is its explanation (summary line = what it flags, body =
why). ``__init_subclass__`` refuses malformed rules at import time, so a broken rule
can never reach users. File rules, which walk libcst trees, are based on
``file_rule.FileRule``; this module imports no libcst, so project rules load
without it.
"""

from __future__ import annotations

import inspect
import re
import string
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.codes import CODE_PATTERN, Scope, Severity, family_of
from strictpy.exceptions import RuleDefinitionError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.codes import Family
    from strictpy.domain.examples import Invalid, ProjectInvalid, ProjectValid, Valid
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ProjectRule", "Rule"]

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Rule:
    """Metadata every rule declares; subclasses fill in the class variables.

    Attributes:
        CODE: The rule code, ``SP`` and three digits.
        NAME: The rule's slug, as in the catalog.
        SCOPE: ``file`` or ``project``.
        MESSAGE: A ``str.format`` template for the one-line message.
        FIX_HINT: An imperative saying how to fix a finding.
        RULESET_REF: The ruleset section the rule enforces.
        SEVERITY: How serious a finding is.
    """

    CODE: ClassVar[str] = ""
    NAME: ClassVar[str] = ""
    SCOPE: ClassVar[Scope]
    MESSAGE: ClassVar[str] = ""
    FIX_HINT: ClassVar[str] = ""
    RULESET_REF: ClassVar[str] = ""
    SEVERITY: ClassVar[Severity] = Severity.ERROR

    def __init_subclass__(cls) -> None:
        """Validate a concrete rule's declaration as soon as it is defined.

        Raises:
            RuleDefinitionError: If the code, slug, docstring, examples or message
                template are malformed.
        """
        super().__init_subclass__()
        if not cls.CODE:
            return
        problems = _declaration_problems(cls)
        if problems:
            message = f"rule {cls.__name__}: {'; '.join(problems)}"
            raise RuleDefinitionError(message)

    @classmethod
    def family(cls) -> Family:
        """Return the family the rule belongs to.

        Returns:
            The family named by the code's first digit.
        """
        return family_of(cls.CODE)

    @classmethod
    def summary(cls) -> str:
        """Return the one-line summary: the first line of the class docstring.

        Returns:
            The summary line.
        """
        return inspect.cleandoc(cls.__doc__ or "").splitlines()[0]

    @classmethod
    def explanation(cls) -> str:
        """Return the docstring body after the summary: why the rule exists.

        Returns:
            The explanation text, dedented.
        """
        lines = inspect.cleandoc(cls.__doc__ or "").splitlines()[1:]
        return "\n".join(lines).strip()

    @classmethod
    def fixable(cls) -> bool:
        """Tell whether ``--fix`` repairs this rule: some example shows a fix.

        Returns:
            True when an invalid example carries an expected fix.
        """
        return any(_example_fix(example) is not None for example in cls.invalid())

    @classmethod
    def valid(cls) -> tuple[Valid | ProjectValid, ...]:
        """Return the examples on which the rule stays silent.

        Returns:
            The rule's valid examples.
        """
        return tuple(getattr(cls, "VALID", ()))

    @classmethod
    def invalid(cls) -> tuple[Invalid | ProjectInvalid, ...]:
        """Return the examples on which the rule reports.

        Returns:
            The rule's invalid examples.
        """
        return tuple(getattr(cls, "INVALID", ()))

    @classmethod
    def format_message(cls, fields: dict[str, object]) -> str:
        """Render the message template with a finding's fields.

        Args:
            fields: Values for the template's placeholders.

        Returns:
            The rendered message.
        """
        return cls.MESSAGE.format(**fields)


def _example_fix(example: Invalid | ProjectInvalid) -> object | None:
    """Return the expected fix an invalid example carries, if any.

    Args:
        example: A file or project example.

    Returns:
        The expected source or files after the fix, or None.
    """
    return getattr(example, "expected_fix", None) or getattr(
        example, "expected_files", None
    )


def _declaration_problems(cls: type[Rule]) -> list[str]:
    """List what is wrong with a rule class's declaration.

    Args:
        cls: The rule class to inspect.

    Returns:
        Human-readable problems; empty when the rule is well formed.
    """
    problems: list[str] = []
    if not CODE_PATTERN.match(cls.CODE):
        problems.append(f"code {cls.CODE!r} is not SP + three digits")
    if not SLUG_PATTERN.match(cls.NAME):
        problems.append(f"name {cls.NAME!r} is not a lowercase slug")
    if not (cls.__doc__ or "").strip():
        problems.append("the class docstring (its documentation) is missing")
    if not cls.MESSAGE:
        problems.append("MESSAGE is empty")
    if not cls.RULESET_REF:
        problems.append("RULESET_REF is empty")
    if not cls.valid() or not cls.invalid():
        problems.append("VALID and INVALID examples are both required")
    fields = [name for _, name, _, _ in string.Formatter().parse(cls.MESSAGE) if name]
    problems.extend(
        f"MESSAGE field {name!r} is not an identifier"
        for name in fields
        if not name.isidentifier()
    )
    return problems


class ProjectRule(Rule, ABC):
    """A rule that runs once per project root on the project's context.

    Project rules are pure functions of :class:`ProjectContext`: they never open
    files or re-parse Python; the single pass has collected what they need.
    """

    SCOPE: ClassVar[Scope] = Scope.PROJECT

    @abstractmethod
    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Yield the rule's findings for one project.

        Args:
            ctx: Everything known about the project.
        """

    def finding(
        self,
        ctx: ProjectContext,
        path: str,
        line: int | None = None,
        **fields: object,
    ) -> Finding:
        """Build a finding of this rule about a project file.

        Args:
            ctx: The project context (for the file's text, used to fingerprint).
            path: Path relative to the project root.
            line: The 1-based line, or None for a whole or missing file.
            **fields: Values for the rule's message template.

        Returns:
            The finding.
        """
        return ctx.make_finding(type(self), path, line, fields)
