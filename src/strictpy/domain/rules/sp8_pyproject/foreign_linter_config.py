"""SP811 foreign-linter-config: configuration of a linter or formatter competing with Ruff."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ForeignLinterConfig"]

PYPROJECT = "pyproject.toml"
# [tool.<name>] tables of tools whose job Ruff does.
FOREIGN_TOOLS = (
    "black",
    "isort",
    "flake8",
    "pylint",
    "autopep8",
    "yapf",
    "pycodestyle",
    "pydocstyle",
    "pyflakes",
)
# Configuration files of such tools, with the tool they configure.
FOREIGN_FILES = MappingProxyType(
    {
        ".flake8": "flake8",
        ".pylintrc": "pylint",
        "pylintrc": "pylint",
        ".isort.cfg": "isort",
        ".style.yapf": "yapf",
        ".pycodestyle": "pycodestyle",
        ".pydocstyle": "pydocstyle",
    }
)


class ForeignLinterConfig(ProjectRule):
    """Flags black, isort, flake8, pylint... configuration that competes with Ruff.

    Ruleset section 5.2 makes Ruff the one linter and formatter, configured in
    ``[tool.ruff]``. A second tool with its own configuration (``[tool.black]``,
    ``[tool.isort]``, ``[tool.pylint]``, ``.flake8``, ``.pylintrc``...) enforces
    other rules, fights Ruff's formatting, and leaves developers guessing
    which one CI trusts. Type checkers (mypy, pyright) are not linters and are
    not reported. One finding per table (at its header) or file.
    """

    CODE = "SP811"
    NAME = "foreign-linter-config"
    MESSAGE = "{what} configures '{tool}', which competes with Ruff"
    FIX_HINT = "Delete the configuration; Ruff's rules and formatter cover it"
    RULESET_REF = "5.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({PYPROJECT: "[tool.ruff]\nline-length = 88\n"})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PYPROJECT: "[tool.ruff]\nline-length = 88\n\n[tool.black]\nline-length = 88\n"
                }
            ),
            path=PYPROJECT,
            line=4,
        ),
        ProjectInvalid(MappingProxyType({".flake8": "[flake8]\n"}), path=".flake8"),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each competing tool's configuration.

        Args:
            ctx: The project.

        Yields:
            One finding per table or file.
        """
        pyproject = ctx.pyproject
        if pyproject is not None and pyproject.error is None:
            for tool in FOREIGN_TOOLS:
                if pyproject.get("tool", tool) is not None:
                    line = pyproject.lines.line_of("tool", tool)
                    yield self.finding(
                        ctx, PYPROJECT, line, what=f"[tool.{tool}]", tool=tool
                    )
        for path, tool in FOREIGN_FILES.items():
            if ctx.exists(path):
                yield self.finding(ctx, path, what=f"'{path}'", tool=tool)
