"""SP3 rules; registered in code order in RULES."""

__all__ = ["RULES"]

RULES = ()
