"""SP0: findings the engine itself makes (parse errors, suppression comments)."""

from strictpy.domain.rules.sp0_engine.bad_suppression import BadSuppression
from strictpy.domain.rules.sp0_engine.parse_error import ParseError
from strictpy.domain.rules.sp0_engine.unused_suppression import UnusedSuppression

__all__ = ["RULES"]

RULES = (ParseError, BadSuppression, UnusedSuppression)
