"""SP902 wrong-builder-image: the first stage is not ``python:3.13-slim``."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.image_refs import parse_image
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    BUILDER_IMAGE,
    BUILDER_PYTHON_VERSION,
    DOCKERFILE_NAME,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["WrongBuilderImage"]

BUILDER = parse_image(BUILDER_IMAGE)
# 3.13-slim, 3.13.4-slim, 3.13-slim-bookworm, 3.13.4-slim-bookworm.
BUILDER_TAG = re.compile(
    r"^" + re.escape(BUILDER_PYTHON_VERSION) + r"(\.\d+)?-slim(-bookworm)?$"
)


def accepted_builder(image: str) -> bool:
    """Tell whether an image reference is the ruleset's builder image.

    A ``3.13.N`` patch tag, a ``-bookworm`` suffix and a pinned digest after
    the tag are accepted; a digest alone is not, since it hides the version.

    Args:
        image: The reference, build arguments expanded.

    Returns:
        True for an accepted builder image.
    """
    ref = parse_image(image)
    return (
        ref.repository == BUILDER.repository
        and ref.tag is not None
        and BUILDER_TAG.match(ref.tag) is not None
    )


class WrongBuilderImage(ProjectRule):
    """Flags a first stage that is not built from ``python:3.13-slim``.

    Ruleset section 9.1 fixes the builder to the official Debian slim image of
    Python 3.13: the interpreter matches ``requires-python`` and the runtime
    copies it. A patch tag (``3.13.4-slim``), the ``-bookworm`` suffix and a
    pinned digest are accepted. Build arguments are resolved: ``ARG PY=3.13``
    before the first ``FROM`` makes ``FROM python:${PY}-slim`` compliant. The
    finding points at the first stage's ``FROM`` line.
    """

    CODE = "SP902"
    NAME = "wrong-builder-image"
    MESSAGE = "Builder stage is built from '{image}' instead of '{expected}'"
    FIX_HINT = f"Start the Dockerfile with 'FROM {BUILDER_IMAGE} AS builder'"
    RULESET_REF = "9.1"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERFILE_NAME: compliant_dockerfile("app")})),
        ProjectValid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "ARG PY=3.13\n"
                        "FROM python:${PY}-slim-bookworm AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
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
                        "FROM python:3.12-alpine AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a first stage on another image, at its ``FROM`` line.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        first = dockerfile.stages[0]
        if not accepted_builder(first.base):
            yield self.finding(
                ctx,
                DOCKERFILE_NAME,
                first.line,
                image=first.base,
                expected=BUILDER_IMAGE,
            )
