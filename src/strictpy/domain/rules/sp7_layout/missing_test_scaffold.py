"""SP704 missing-test-scaffold: a file of the mandatory ``tests/`` scaffold is missing."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.fixes.layout_files import layout_file
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import TEST_SCAFFOLD

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingTestScaffold"]


class MissingTestScaffold(ProjectRule):
    """Flags each missing file of ``tests/``: ``__init__``, ``conftest``, ``unit/``, ``integration/``.

    Ruleset sections 1 and 3.3 require global fixtures in ``tests/conftest.py``
    and separate ``unit`` and ``integration`` suites, each a package so test
    module names cannot collide. One finding per missing file.
    """

    CODE = "SP704"
    NAME = "missing-test-scaffold"
    MESSAGE = "Test scaffold file '{expected}' is missing"
    FIX_HINT = "Create the file (strictpy check --fix writes it)"
    RULESET_REF = "1, 3.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType(dict.fromkeys(TEST_SCAFFOLD, '"""Tests."""\n'))),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    path: '"""Tests."""\n'
                    for path in TEST_SCAFFOLD
                    if path != "tests/conftest.py"
                }
            ),
            path="tests/conftest.py",
            expected_files=MappingProxyType(
                {"tests/conftest.py": layout_file(None, "tests/conftest.py")}
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each scaffold file that does not exist.

        Args:
            ctx: The project.

        Yields:
            One finding per missing file.
        """
        for path in TEST_SCAFFOLD:
            if not ctx.exists(path):
                yield self.finding(ctx, path, expected=path)
