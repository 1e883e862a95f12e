"""SP802 pytest-config-drift: ``[tool.pytest.ini_options]`` differs from section 5.3."""

from __future__ import annotations

import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.config_drift import TableComparison, canonical_table
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import PYTEST_CONFIG_TOML

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

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


class PytestConfigDrift(ProjectRule):
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

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each key that differs from the canonical table.

        Args:
            ctx: The project.

        Yields:
            One finding per missing, different or extra key.
        """
        pyproject = ctx.pyproject
        if pyproject is None or pyproject.error is not None:
            return
        actual = pyproject.table(*TABLE)
        if actual is None:
            yield self.finding(
                ctx,
                PYPROJECT,
                pyproject.lines.anchor_line(*TABLE),
                key="table",
                problem="is missing",
            )
            return
        comparison = TableComparison(pyproject.lines, TABLE)
        for drift in comparison.drift(canonical_pytest_table(), actual):
            yield self.finding(
                ctx, PYPROJECT, drift.line, key=drift.key, problem=drift.problem
            )
