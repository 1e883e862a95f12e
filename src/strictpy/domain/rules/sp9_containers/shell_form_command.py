"""SP909 shell-form-command: shell-form ``CMD``/``ENTRYPOINT``, or ``RUN`` in distroless."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DEBUG_TAG, DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Dockerfile, Stage
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ShellFormCommand"]

DISTROLESS_PREFIX = "gcr.io/distroless/"


def shell_less(dockerfile: Dockerfile, stage: Stage) -> bool:
    """Tell whether a stage is built on a distroless image without a shell.

    Args:
        dockerfile: The parsed Dockerfile.
        stage: The stage.

    Returns:
        True for a distroless base other than its ``debug`` variants.
    """
    image = dockerfile.base_image(stage)
    if not image.repository.startswith(DISTROLESS_PREFIX):
        return False
    return image.tag is None or DEBUG_TAG not in image.tag.split("-")


class ShellFormCommand(ProjectRule):
    """Flags shell-form ``CMD``/``ENTRYPOINT`` and ``RUN`` in a distroless stage.

    Ruleset section 9.1 requires JSON (exec) form for ``CMD`` and
    ``ENTRYPOINT``: the shell form runs ``/bin/sh -c``, which distroless does
    not have, and even where a shell exists it becomes PID 1 and swallows
    signals. For the same reason (section 9.2) nothing can be ``RUN`` in a
    distroless stage: the runtime stage is assembled with ``COPY``, ``ENV``,
    ``WORKDIR`` and ``USER`` only. A stage built ``FROM`` an earlier
    distroless stage counts as distroless; the ``debug`` tags have a busybox
    shell (SP903 reports them). One finding per instruction, at its line.
    """

    CODE = "SP909"
    NAME = "shell-form-command"
    MESSAGE = "'{keyword}' needs a shell: {reason}"
    FIX_HINT = 'Write CMD/ENTRYPOINT as a JSON array (["python", "-m", "app"])'
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
                        "FROM gcr.io/distroless/python3-debian12\n"
                        "ENTRYPOINT python -m app\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=3,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                        "RUN mkdir /data\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=3,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report shell-form commands and ``RUN`` in distroless stages.

        Args:
            ctx: The project context.

        Yields:
            One finding per offending instruction.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        for stage in dockerfile.stages:
            distroless = shell_less(dockerfile, stage)
            for instruction in stage.of("CMD", "ENTRYPOINT", "RUN"):
                if instruction.keyword != "RUN" and not instruction.json_form:
                    reason = "it is written in shell form"
                elif instruction.keyword == "RUN" and distroless:
                    reason = f"stage '{stage.label}' is distroless and has none"
                else:
                    continue
                yield self.finding(
                    ctx,
                    DOCKERFILE_NAME,
                    instruction.line,
                    keyword=instruction.keyword,
                    reason=reason,
                )
