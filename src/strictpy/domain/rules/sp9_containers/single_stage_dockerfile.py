"""SP901 single-stage-dockerfile: a Dockerfile with fewer than two stages."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["SingleStageDockerfile"]

MIN_STAGES = 2


class SingleStageDockerfile(ProjectRule):
    """Flags a Dockerfile with fewer than two ``FROM`` stages.

    Ruleset section 9.1 demands a multi-stage build: a ``python:3.13-slim``
    builder installs dependencies and runs the lint gate, and a distroless
    runtime stage receives only the virtual environment and the source. A
    single stage ships the compilers, package managers and shell of the
    builder to production. The finding points at the only ``FROM`` line.
    """

    CODE = "SP901"
    NAME = "single-stage-dockerfile"
    MESSAGE = (
        "Dockerfile has a single stage; a builder and a runtime stage are required"
    )
    FIX_HINT = (
        "Split the Dockerfile into a builder stage and a distroless runtime stage"
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
                        "FROM python:3.13-slim\n"
                        "COPY . /app\n"
                        'ENTRYPOINT ["python", "-m", "app"]\n'
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a Dockerfile with one stage, at its ``FROM`` line.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is not None and len(dockerfile.stages) < MIN_STAGES:
            yield self.finding(ctx, DOCKERFILE_NAME, dockerfile.final.line)
