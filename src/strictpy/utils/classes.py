"""Walking a class hierarchy downwards."""

from __future__ import annotations

__all__ = ["subclasses_of"]


def subclasses_of[T](base: type[T]) -> list[type[T]]:
    """Return every class that derives from a base, directly or not.

    Args:
        base: The root of the hierarchy (not included).

    Returns:
        Each subclass once, in the order first met (breadth by declaration).
    """
    found: list[type[T]] = []
    seen: set[type[T]] = set()
    pending: list[type[T]] = [base]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                pending.append(subclass)
                found.append(subclass)
    return found
