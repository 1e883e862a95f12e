"""SP402 catch-broad-exception: bare ``except:`` and ``except Exception``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits
from strictpy.domain.rules.sp4_errors.raise_broad_exception import BROAD_EXCEPTIONS

__all__ = ["CatchBroadException"]


class CatchBroadException(FileRule):
    """Flags ``except:``, ``except Exception`` and ``except BaseException``.

    Ruleset 7.1: never catch bare ``Exception``; catch the specific types the
    guarded code raises. A broad handler also swallows programming errors
    (``TypeError``, ``KeyError``) and, for ``BaseException`` and bare
    ``except:``, ``KeyboardInterrupt`` and ``SystemExit``. Broad types inside a
    tuple (``except (ValueError, Exception)``) and ``except*`` count too.
    """

    CODE = "SP402"
    NAME = "catch-broad-exception"
    MESSAGE = "'{clause}' catches every exception"
    FIX_HINT = "Catch the specific exception types the code can raise"
    RULESET_REF = "7.1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\n\ndef parse(text: str) -> int | None:\n'
            '    """Parse.\n\n    Args:\n        text: The text.\n\n    Returns:\n'
            '        The number.\n    """\n    try:\n        return int(text)\n'
            "    except ValueError:\n        return None\n"
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\n\ndef parse(text: str) -> int | None:\n'
            '    """Parse.\n\n    Args:\n        text: The text.\n\n    Returns:\n'
            '        The number.\n    """\n    try:\n        return int(text)\n'
            "    except Exception:\n        return None\n",
            line=15,
        ),
    )

    @visits(cst.ExceptHandler, cst.ExceptStarHandler)
    def check(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        """Report a handler that catches everything.

        Args:
            node: The except clause.
        """
        keyword = "except*" if isinstance(node, cst.ExceptStarHandler) else "except"
        if node.type is None:
            self.report(node, clause=f"{keyword}:")
            return
        names = self.ctx.names
        if names is None:
            return
        caught = (
            [element.value for element in node.type.elements]
            if isinstance(node.type, cst.Tuple)
            else [node.type]
        )
        for candidate in caught:
            qualified = names.qualified_name(candidate)
            if qualified in BROAD_EXCEPTIONS:
                name = qualified.removeprefix("builtins.")
                self.report(node, clause=f"{keyword} {name}")
                return
