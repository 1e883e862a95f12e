"""SP801 ruff-config-drift: ``[tool.ruff]`` differs from the ruleset's section 5.2."""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import ClassVar

from strictpy.domain.config_drift import canonical_table
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rules.sp8_pyproject.table_drift_rule import TableDriftRule
from strictpy.domain.ruleset_data import (
    RUFF_ACCEPTED_EXTRA_KEYS,
    RUFF_CONFIG_TOML,
    RUFF_ORDERED_KEYS,
)

__all__ = ["RuffConfigDrift", "canonical_ruff_table"]

PYPROJECT = "pyproject.toml"
TABLE = ("tool", "ruff")


@functools.cache
def canonical_ruff_table() -> MappingProxyType[str, object]:
    """Return the ruleset's ``[tool.ruff]`` table, loaded once.

    Returns:
        The table as plain values (read-only at the top level).
    """
    return MappingProxyType(canonical_table(RUFF_CONFIG_TOML, *TABLE))


class RuffConfigDrift(TableDriftRule):
    """Flags each key of ``[tool.ruff]`` that is missing, different or extra against section 5.2.

    Ruleset section 5.2 says ``pyproject.toml`` MUST include exactly its Ruff
    configuration: every project lints with the same rules, so a project
    cannot quietly switch a rule family off or add ignores. The comparison is
    key by key, in every sub-table; ``select``, ``ignore``, ``exclude`` and the
    other lists compare as sets (the message names missing and extra entries)
    except ``lint.isort.section-order``, whose order is its meaning. ``TCH``
    is expected as written in the ruleset, even though Ruff now calls it
    ``TC``. Refinements that do not weaken the configuration are accepted:
    ``extend-exclude``, ``src``, ``lint.isort.known-first-party`` and
    ``lint.flake8-type-checking``'s ``runtime-evaluated-base-classes``,
    ``runtime-evaluated-decorators`` and ``exempt-modules`` (``strict = true``
    needs the first two for pydantic, SQLAlchemy, FastAPI and Typer)::

        [tool.ruff.lint.flake8-type-checking]
        strict = true
        quote-annotations = true
        runtime-evaluated-base-classes = ["pydantic.BaseModel", "pydantic_settings.BaseSettings"]

    A missing key points at its table's header; a missing sub-table is one
    finding. Silent without ``pyproject.toml`` (SP705) or when it is not valid
    TOML (the run stops with a configuration error before any rule).
    """

    CODE = "SP801"
    NAME = "ruff-config-drift"
    MESSAGE = "[tool.ruff] {key} {problem}"
    FIX_HINT = "Copy the ruleset's section 5.2 configuration into pyproject.toml"
    RULESET_REF = "5.2"
    TABLE = TABLE
    ACCEPTED = RUFF_ACCEPTED_EXTRA_KEYS
    ORDERED = RUFF_ORDERED_KEYS
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({PYPROJECT: RUFF_CONFIG_TOML})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: (
                        "[tool.ruff]\nline-length = 120\n\n[tool.ruff.lint]\n"
                        'select = ["E", "F"]\nignore = ["S"]\n'
                    )
                }
            ),
            path=PYPROJECT,
            line=2,
            expected_files=MappingProxyType({PYPROJECT: RUFF_CONFIG_TOML}),
        ),
        ProjectInvalid(
            MappingProxyType(
                {PYPROJECT: RUFF_CONFIG_TOML.replace('"TCH",  #', '"TC",  #')}
            ),
            path=PYPROJECT,
            line=RUFF_CONFIG_TOML.splitlines().index("select = [") + 1,
        ),
    )

    @classmethod
    def canonical(cls) -> MappingProxyType[str, object]:
        """Return the ruleset's table.

        Returns:
            The canonical table.
        """
        return canonical_ruff_table()
