"""Rule documentation for ``strictpy rules`` and ``strictpy rule CODE``, from the registry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.registry import BY_CODE, RULES
from strictpy.exceptions import NotFoundError

if TYPE_CHECKING:
    from strictpy.domain.examples import ProjectInvalid, ProjectValid

__all__ = ["RuleDoc", "all_rule_docs", "rule_doc"]


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """Everything the documentation shows about one rule.

    Attributes:
        code: The rule code.
        name: The rule's slug.
        family: The family's slug.
        scope: ``file`` or ``project``.
        fixable: Whether ``--fix`` repairs it.
        summary: The one-line summary.
        explanation: Why the rule exists.
        ruleset_ref: The ruleset section it enforces.
        fix_hint: How to fix a finding.
        bad_example: The first invalid example, as text.
        good_example: The first valid example, as text.
    """

    code: str
    name: str
    family: str
    scope: str
    fixable: bool
    summary: str
    explanation: str
    ruleset_ref: str
    fix_hint: str
    bad_example: str
    good_example: str


def _example_text(example: Valid | Invalid | ProjectValid | ProjectInvalid) -> str:
    """Render an example as text: code, or files with their names.

    Args:
        example: A file or project example.

    Returns:
        The example's text.
    """
    if isinstance(example, (Valid, Invalid)):
        return example.code
    return "\n".join(f"# {path}\n{text}" for path, text in example.files.items())


def all_rule_docs() -> list[RuleDoc]:
    """Return the documentation of every rule, in code order.

    Returns:
        One entry per registered rule.
    """
    return [rule_doc(rule.CODE) for rule in RULES]


def rule_doc(code: str) -> RuleDoc:
    """Return the documentation of one rule.

    Args:
        code: The rule code (any case).

    Raises:
        NotFoundError: If no rule has that code.

    Returns:
        The rule's documentation.
    """
    rule = BY_CODE.get(code.strip().upper())
    if rule is None:
        message = f"unknown rule code '{code}'"
        raise NotFoundError(message)
    return RuleDoc(
        code=rule.CODE,
        name=rule.NAME,
        family=rule.family().slug,
        scope=str(rule.SCOPE),
        fixable=rule.fixable(),
        summary=rule.summary(),
        explanation=rule.explanation(),
        ruleset_ref=rule.RULESET_REF,
        fix_hint=rule.FIX_HINT,
        bad_example=_example_text(rule.invalid()[0]),
        good_example=_example_text(rule.valid()[0]),
    )
