"""SP802 pytest-config-drift: ``[tool.pytest.ini_options]`` differs from section 5.3."""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import ClassVar

from strictpy.domain.config_drift import canonical_table
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rules.sp8_pyproject.table_drift_rule import TableDriftRule
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML

__all__ = ["PytestConfigDrift", "canonical_pytest_table"]

PYPROJECT = "pyproject.toml"
TABLE = ("tool", "pytest", "ini_options")


@functools.cache
def canonical_pytest_table() -> MappingProxyType[str, object]:
    """Return the ruleset's ``[tool.pytest.ini_options]`` table, loaded once.

    Returns:
        The table as plain values (read-only at the top level).
    """
    return MappingProxyType(canonical_table(PYTEST_CONFIG_TOML, *TABLE))


class PytestConfigDrift(TableDriftRule):
    """Flags each key of ``[tool.pytest.ini_options]`` that is missing, different or extra against section 5.3.

    Ruleset section 5.3 fixes the pytest configuration: ``src`` on the path,
    strict markers and config, short tracebacks, coverage of ``src`` with the
    80 % floor of section 3.3, and the ``slow``/``integration`` markers. Lists
    (``addopts``, ``markers``...) compare as sets and the message names what is
    missing and what is extra; a key the ruleset does not have is reported
    too. A missing key points at the table's header. Silent without
    ``pyproject.toml`` (SP705).
    """

    CODE = "SP802"
    NAME = "pytest-config-drift"
    MESSAGE = "[tool.pytest.ini_options] {key} {problem}"
    FIX_HINT = "Copy the ruleset's section 5.3 configuration into pyproject.toml"
    RULESET_REF = "5.3"
    TABLE = TABLE
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({PYPROJECT: PYTEST_CONFIG_TOML})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: (
                        '[tool.pytest.ini_options]\naddopts = ["-ra", "--cov=src"]\n'
                        'testpaths = ["tests"]\n'
                    )
                }
            ),
            path=PYPROJECT,
            line=2,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: PYTEST_CONFIG_TOML.replace(
                        '    "--cov-fail-under=80",\n', ""
                    )
                }
            ),
            path=PYPROJECT,
            line=PYTEST_CONFIG_TOML.splitlines().index("addopts = [") + 1,
            expected_files=MappingProxyType({PYPROJECT: PYTEST_CONFIG_TOML}),
        ),
    )

    @classmethod
    def canonical(cls) -> MappingProxyType[str, object]:
        """Return the ruleset's table.

        Returns:
            The canonical table.
        """
        return canonical_pytest_table()
