"""SP908 root-runtime: the final stage runs as root or as a user it cannot resolve."""

from __future__ import annotations

import posixpath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.dockerfile_model import Stage
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    APP_USER,
    DOCKERFILE_NAME,
    RUNTIME_IMAGE_NONROOT_USER,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Dockerfile
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["RootRuntime"]

ROOT_USERS = frozenset({"root", "0"})
ACCOUNT_FILE_ORDER = ("/etc/passwd", "/etc/group")
ACCOUNT_FILES = frozenset(ACCOUNT_FILE_ORDER)
DISTROLESS_PREFIX = "gcr.io/distroless/"


def copied_account_files(dockerfile: Dockerfile, stage: Stage) -> frozenset[str]:
    """Return which of ``/etc/passwd`` and ``/etc/group`` a stage copies from a stage.

    Args:
        dockerfile: The parsed Dockerfile.
        stage: The final stage (its lineage is searched too).

    Returns:
        The account files copied from an earlier stage.
    """
    copied: set[str] = set()
    for member in dockerfile.lineage(stage):
        for instruction in member.of("COPY"):
            if not isinstance(dockerfile.copy_source(member, instruction), Stage):
                continue
            sources = {posixpath.normpath(arg) for arg in instruction.args[:-1]}
            copied.update(sources & ACCOUNT_FILES)
    return frozenset(copied)


class RootRuntime(ProjectRule):
    """Flags a runtime stage that runs as root or as an unresolvable user.

    Ruleset sections 4.6 and 9.1 run the container as a non-root user. The
    final stage needs a ``USER``; ``root`` and ``0`` are root. A user given
    by name must exist in the image: distroless has no ``adduser``, so the
    builder creates it and the runtime copies ``/etc/passwd`` and
    ``/etc/group`` from the builder. A numeric ``UID[:GID]`` needs no account
    files, and distroless images already define ``nonroot``. The last ``USER``
    of the final stage (or of the stages it is built from) counts. The
    finding points at that ``USER`` line, or at the ``FROM`` line without one.
    """

    CODE = "SP908"
    NAME = "root-runtime"
    MESSAGE = "Runtime stage {problem}"
    FIX_HINT = (
        "Create the user in the builder, copy /etc/passwd and /etc/group, "
        f"then 'USER {APP_USER}'"
    )
    RULESET_REF = "9.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERFILE_NAME: compliant_dockerfile("app")})),
        ProjectValid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                        "USER 1001:1001\n"
                    )
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                        'ENTRYPOINT ["python", "-m", "app"]\n'
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                        f"USER {APP_USER}\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=3,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a root or unresolvable runtime user.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        final = dockerfile.final
        users = [
            (member, instruction)
            for member in reversed(dockerfile.lineage(final))
            for instruction in member.of("USER")
        ]
        if not users:
            problem = "sets no 'USER', so the container runs as root"
            yield self.finding(ctx, DOCKERFILE_NAME, final.line, problem=problem)
            return
        member, instruction = users[-1]
        user = dockerfile.expand(member, instruction.args[0], instruction.line)
        name = user.split(":", 1)[0]
        if not name or name in ROOT_USERS:
            problem = f"runs as root ('USER {user}')"
        elif name.isdigit() or self._known_to_base(dockerfile, final, name):
            return
        else:
            missing = ACCOUNT_FILES - copied_account_files(dockerfile, final)
            if not missing:
                return
            files = " and ".join(name for name in ACCOUNT_FILE_ORDER if name in missing)
            problem = f"runs as '{name}' without copying {files} from the builder"
        yield self.finding(ctx, DOCKERFILE_NAME, instruction.line, problem=problem)

    @staticmethod
    def _known_to_base(dockerfile: Dockerfile, stage: Stage, name: str) -> bool:
        """Tell whether the base image itself defines the user (distroless ``nonroot``).

        Args:
            dockerfile: The parsed Dockerfile.
            stage: The final stage.
            name: The user's name.

        Returns:
            True for ``nonroot`` on a distroless image.
        """
        image = dockerfile.base_image(stage)
        return name == RUNTIME_IMAGE_NONROOT_USER and image.repository.startswith(
            DISTROLESS_PREFIX
        )
