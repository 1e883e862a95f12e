"""SP904 uv-not-from-official-image: the builder does not copy uv from its image."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.dockerfile_model import Stage
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME, UV_IMAGE, UV_IMAGE_REF

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Dockerfile
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["UvNotFromOfficialImage"]


def copies_uv(dockerfile: Dockerfile) -> bool:
    """Tell whether a builder stage copies from the official uv image.

    ``COPY --from=ghcr.io/astral-sh/uv:<tag>`` counts with any tag (or none,
    which is ``latest``) or digest, build arguments expanded, and so does a
    copy from an earlier stage built ``FROM`` that image.

    Args:
        dockerfile: The parsed Dockerfile.

    Returns:
        True when uv comes from its official image.
    """
    for stage in dockerfile.builders:
        for instruction in stage.of("COPY"):
            source = dockerfile.copy_source(stage, instruction)
            if isinstance(source, Stage):
                source = dockerfile.base_image(source)
            if source is not None and source.repository == UV_IMAGE:
                return True
    return False


class UvNotFromOfficialImage(ProjectRule):
    """Flags a builder that does not copy uv from ``ghcr.io/astral-sh/uv``.

    Ruleset section 9.1 installs uv by copying its static binaries from the
    official image (``COPY --from=ghcr.io/astral-sh/uv:<tag> /uv /uvx /bin/``):
    no ``pip install uv``, no install script piped into a shell, one layer.
    The builder stages are all stages before the final one (the only stage
    of a single-stage file). The finding points at the first builder's
    ``FROM`` line.
    """

    CODE = "SP904"
    NAME = "uv-not-from-official-image"
    MESSAGE = "Builder does not copy uv from the official image '{image}'"
    FIX_HINT = f"Add 'COPY --from={UV_IMAGE_REF} /uv /uvx /bin/' to the builder"
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
                        "RUN pip install uv\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a builder without the uv copy, at the builder's ``FROM`` line.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is not None and not copies_uv(dockerfile):
            yield self.finding(
                ctx, DOCKERFILE_NAME, dockerfile.builders[0].line, image=UV_IMAGE
            )
