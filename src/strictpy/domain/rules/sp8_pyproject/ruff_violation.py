"""SP812 ruff-violation: a diagnostic of ``ruff check`` with the ruleset's configuration."""

from __future__ import annotations

from typing import ClassVar

from strictpy.domain.codes import Scope
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.rule import Rule

__all__ = ["RuffViolation"]


class RuffViolation(Rule):
    """Flags each diagnostic of ``ruff check`` run with the ruleset's section 5.2 configuration.

    Ruleset section 5.2 makes Ruff, with exactly its configuration, the
    project's linter, and section 9.1 fails the image build on any unfixable
    diagnostic. strictpy runs the ``ruff`` executable it depends on, with that
    configuration passed explicitly (the project's accepted refinements such as
    ``extend-exclude`` and ``runtime-evaluated-base-classes`` included, so a
    drifted ``[tool.ruff]`` cannot hide anything), on the same files it checks
    itself. Each diagnostic is reported with Ruff's own code and name (for
    example ``F401 unused-import``) and ``"source": "ruff"``; selecting or
    ignoring ``SP812`` (also per file) selects or ignores them all. Ruff's
    ``# noqa`` comments work as usual. ``--no-ruff`` or ``ruff = false`` turns
    the integration off.
    """

    CODE = "SP812"
    NAME = "ruff-violation"
    SCOPE: ClassVar[Scope] = Scope.FILE
    MESSAGE = "{message}"
    FIX_HINT = "Fix what Ruff reports ('ruff check --fix' repairs many diagnostics)"
    RULESET_REF = "5.2"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid('"""A module."""\n\nimport os\n\nSEPARATOR = os.sep\n'),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nimport os\n', line=3),
    )
