"""SP905 no-frozen-sync: the builder never runs ``uv sync --frozen --no-dev``."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    DOCKERFILE_NAME,
    FROZEN_SYNC_COMMAND,
    FROZEN_SYNC_FLAGS,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["NoFrozenSync"]


class NoFrozenSync(ProjectRule):
    """Flags a builder without ``uv sync --frozen --no-dev``.

    Ruleset section 9.1 installs dependencies exactly as ``uv.lock`` pins them
    (``--frozen``: the lock file is neither resolved again nor updated) and
    without the development group (``--no-dev``: no pytest or Ruff in the
    image). Other flags may be added (``--no-install-project``), in a shell
    or exec-form ``RUN``, a heredoc or behind ``sh -c``. The finding points
    at the first ``uv sync`` that lacks the flags, or at the builder's
    ``FROM`` line when there is none.
    """

    CODE = "SP905"
    NAME = "no-frozen-sync"
    MESSAGE = "Builder does not install dependencies with '{command}'"
    FIX_HINT = f"Run '{FROZEN_SYNC_COMMAND}' in the builder stage"
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
                        "RUN uv sync\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a builder whose ``uv sync`` is missing or not frozen.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        partial: int | None = None
        for stage in dockerfile.builders:
            for instruction in stage.of("RUN"):
                for item in instruction.invocations():
                    if item.program != "uv" or item.args[:1] != ("sync",):
                        continue
                    if all(flag in item.args for flag in FROZEN_SYNC_FLAGS):
                        return
                    if partial is None:
                        partial = instruction.line
        line = partial if partial is not None else dockerfile.builders[0].line
        yield self.finding(ctx, DOCKERFILE_NAME, line, command=FROZEN_SYNC_COMMAND)
