"""SP1: placeholders (ruleset zero-tolerance directive 1)."""

from strictpy.domain.rules.sp1_placeholders.ellipsis_body import EllipsisBody
from strictpy.domain.rules.sp1_placeholders.not_implemented import NotImplementedRule
from strictpy.domain.rules.sp1_placeholders.pass_statement import PassStatement
from strictpy.domain.rules.sp1_placeholders.placeholder_comment import (
    PlaceholderComment,
)
from strictpy.domain.rules.sp1_placeholders.todo_comment import TodoComment

__all__ = ["RULES"]

RULES = (
    TodoComment,
    PassStatement,
    EllipsisBody,
    PlaceholderComment,
    NotImplementedRule,
)
