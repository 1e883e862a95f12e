"""SP906 no-lint-gate: the builder does not gate on ``ruff check`` and ``ruff format``."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME, LINT_GATE_COMMANDS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.shell_commands import Invocation
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["NoLintGate"]

LAUNCHERS = frozenset({"uv run", "uvx", "uv tool run"})
GATE_SUBCOMMANDS = ("check", "format")


def ruff_subcommand(item: Invocation) -> str | None:
    """Return the Ruff subcommand an invocation runs through uv, if any.

    Args:
        item: One invocation of a ``RUN``.

    Returns:
        ``check`` or ``format`` (or another subcommand), or None when the
        invocation is not Ruff launched by ``uv run``, ``uvx`` or ``uv tool run``.
    """
    if item.program != "ruff" or not LAUNCHERS.intersection(item.launchers):
        return None
    return next((arg for arg in item.args if not arg.startswith("-")), None)


def gates(item: Invocation) -> bool:
    """Tell whether a Ruff invocation fails the build on a violation.

    Args:
        item: A Ruff invocation.

    Returns:
        False behind ``|| true``, in a pipe, before another command without
        ``set -e``, or with ``--exit-zero``.
    """
    return item.gating and "--exit-zero" not in item.args


class NoLintGate(ProjectRule):
    """Flags a builder that does not gate the build on Ruff.

    Ruleset section 9.1 makes ``ruff check --fix .`` and ``ruff format .`` a
    mandatory quality gate of the builder: an unfixable lint error must fail
    the image build. Ruff is a development dependency, which
    ``uv sync --no-dev`` leaves out, so ``uvx ruff`` and ``uv tool run ruff``
    are accepted besides ``uv run ruff``. A command whose failure does not fail
    its ``RUN`` is no gate: ``|| true``, a pipe, ``--exit-zero``, or a command
    followed by another after ``;`` or a newline without ``set -e``. The
    finding points at the ``RUN`` that runs Ruff without gating, else at the
    builder's ``FROM`` line.
    """

    CODE = "SP906"
    NAME = "no-lint-gate"
    MESSAGE = "Builder does not gate the build on {missing}"
    FIX_HINT = (
        f"Run '{LINT_GATE_COMMANDS[0]} && {LINT_GATE_COMMANDS[1]}' in the builder"
    )
    RULESET_REF = "9.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERFILE_NAME: compliant_dockerfile("app")})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "RUN uvx ruff check . || true\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a builder lacking a gating ``ruff check`` or ``ruff format``.

        Args:
            ctx: The project context.

        Yields:
            At most one finding, naming what is missing.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        gated: set[str] = set()
        ungated_line: int | None = None
        for stage in dockerfile.builders:
            for instruction in stage.of("RUN"):
                for item in instruction.invocations():
                    subcommand = ruff_subcommand(item)
                    if subcommand not in GATE_SUBCOMMANDS:
                        continue
                    if gates(item):
                        gated.add(str(subcommand))
                    elif ungated_line is None:
                        ungated_line = instruction.line
        missing = [name for name in GATE_SUBCOMMANDS if name not in gated]
        if not missing:
            return
        line = ungated_line if ungated_line is not None else dockerfile.builders[0].line
        text = " and ".join(f"'ruff {name}'" for name in missing)
        yield self.finding(ctx, DOCKERFILE_NAME, line, missing=text)
