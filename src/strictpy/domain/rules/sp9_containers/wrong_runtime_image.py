"""SP903 wrong-runtime-image: the final stage is not distroless python3-debian12."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DEBUG_TAG, DOCKERFILE_NAME, RUNTIME_IMAGE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.image_refs import ImageRef
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["WrongRuntimeImage"]


def accepted_runtime(image: ImageRef) -> bool:
    """Tell whether an image is the ruleset's runtime image.

    Any tag is accepted except the ``debug`` variants (``debug``,
    ``debug-nonroot``, ``debug-amd64`` ...), which ship a busybox shell; a
    digest alone is accepted too.

    Args:
        image: The parsed reference.

    Returns:
        True for an accepted runtime image.
    """
    if image.repository != RUNTIME_IMAGE:
        return False
    return image.tag is None or DEBUG_TAG not in image.tag.split("-")


class WrongRuntimeImage(ProjectRule):
    """Flags a final stage not built from ``gcr.io/distroless/python3-debian12``.

    Ruleset sections 4.6 and 9.1 put the application on a distroless runtime:
    no shell, no package manager, a minimal attack surface. Section 9.2 allows
    the ``:debug`` tag (which has a busybox shell) for debugging only, so it
    is reported too. A final stage built ``FROM`` an earlier stage is judged
    by the image that stage chain starts from. The image ships Debian 12's
    Python 3.11, not the builder's 3.13: copy the builder's interpreter and
    ``libpython`` into the runtime stage (see the good example). The finding
    points at the final stage's ``FROM`` line.
    """

    CODE = "SP903"
    NAME = "wrong-runtime-image"
    MESSAGE = "Runtime stage is built from '{image}' instead of '{expected}'"
    FIX_HINT = f"Build the final stage 'FROM {RUNTIME_IMAGE}' (not its debug tag)"
    RULESET_REF = "9.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERFILE_NAME: compliant_dockerfile("app")})),
        ProjectValid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        f"FROM {RUNTIME_IMAGE}:nonroot AS runtime\n"
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
                        f"FROM {RUNTIME_IMAGE}:{DEBUG_TAG}\n"
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
                        "FROM python:3.13-slim AS builder\nFROM python:3.13-slim\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a final stage on another image, at its ``FROM`` line.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        final = dockerfile.final
        image = dockerfile.base_image(final)
        if not accepted_runtime(image):
            yield self.finding(
                ctx,
                DOCKERFILE_NAME,
                final.line,
                image=image.text,
                expected=RUNTIME_IMAGE,
            )
