"""SP931 compose-unpinned-image: a service image without a tag, or tagged latest."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.containers.compose_model import UNKNOWN
from strictpy.domain.containers.image_refs import parse_image
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeUnpinnedImage"]

COMPOSE = "compose.yaml"


def unpinned(image: str) -> bool:
    """Tell whether an interpolated image reference lacks a pinned version.

    Args:
        image: The reference; variables without a default are ``UNKNOWN``.

    Returns:
        True without a tag or digest, or with ``latest``; False when a
        variable decides the tag (or the whole reference).
    """
    ref = parse_image(image)
    if UNKNOWN in ref.repository or UNKNOWN in (ref.tag or ""):
        return False
    return not ref.pinned


class ComposeUnpinnedImage(ProjectRule):
    """Flags a compose service whose image has no tag, or the ``latest`` tag.

    Ruleset section 9.3 runs external services (databases, caches) from
    official images with pinned versions: an untagged or ``latest`` image
    changes under the project without a commit. A digest pins too. Compose
    interpolation is applied (``postgres:${PG_TAG:-16}`` is pinned by its
    default); a tag given only by a variable without default is out of
    sight and accepted. A service with ``build`` is exempt: its ``image``
    names what compose builds. The finding points at the ``image`` key.
    """

    CODE = "SP931"
    NAME = "compose-unpinned-image"
    MESSAGE = "Service '{service}' uses image '{image}' without a pinned version"
    FIX_HINT = "Pin the image to a version tag, e.g. 'postgres:16-alpine'"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {COMPOSE: "services:\n  cache:\n    image: redis:latest\n"}
            ),
            path=COMPOSE,
            line=3,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every service image without a pinned version.

        Args:
            ctx: The project context.

        Yields:
            One finding per unpinned image.
        """
        for compose in ctx.containers.compose_files:
            for service in compose.services:
                image = service.image()
                if image is None or "build" in service.config or not unpinned(image):
                    continue
                yield self.finding(
                    ctx,
                    compose.path,
                    service.line_of("image"),
                    service=service.name,
                    image=image,
                )
