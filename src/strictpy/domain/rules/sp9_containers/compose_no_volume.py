"""SP934 compose-no-volume: a database or cache service without a volume."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.containers.image_refs import parse_image
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DATA_SERVICE_IMAGES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.compose_model import Service
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeNoVolume"]

COMPOSE = "compose.yaml"
TMPFS = "tmpfs"


def data_service_kind(service: Service) -> str | None:
    """Return the database or cache an image runs (``postgres``, ``redis`` ...).

    Args:
        service: The service.

    Returns:
        The image's short name when it is a database or cache, else None.
    """
    image = service.image()
    if image is None:
        return None
    name = parse_image(image).name.lower()
    return name if name in DATA_SERVICE_IMAGES else None


def has_volume(service: Service) -> bool:
    """Tell whether a service mounts a persistent volume or bind mount.

    Args:
        service: The service.

    Returns:
        True for a short-syntax entry or a long-syntax one that is not tmpfs.
    """
    volumes = service.config.get("volumes")
    if not isinstance(volumes, list):
        return False
    return any(
        (isinstance(item, str) and item.strip())
        or (isinstance(item, dict) and item.get("type", "volume") != TMPFS)
        for item in volumes
    )


class ComposeNoVolume(ProjectRule):
    """Flags a database or cache service that keeps its data in no volume.

    Ruleset section 9.3 gives persistent data (the database, Redis) a volume:
    without one the data lives in the container's writable layer and is lost
    when the container is recreated. Services are recognised by their image
    (``postgres``, ``mysql``, ``mariadb``, ``redis``, ``mongo`` under any
    registry or tag); a ``tmpfs`` mount is not persistent. A service
    extending another file's service is given the benefit of the doubt. The
    finding points at the service's key.
    """

    CODE = "SP934"
    NAME = "compose-no-volume"
    MESSAGE = "Service '{service}' ({kind}) keeps its data in no volume"
    FIX_HINT = "Mount a named volume on the service's data directory"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({COMPOSE: "services:\n  db:\n    image: postgres:16\n"}),
            path=COMPOSE,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every database or cache service without a volume.

        Args:
            ctx: The project context.

        Yields:
            One finding per such service.
        """
        for compose in ctx.containers.compose_files:
            for service in compose.services:
                kind = data_service_kind(service)
                if kind is None or has_volume(service):
                    continue
                if service.external_extends and "volumes" not in service.config:
                    continue
                yield self.finding(
                    ctx, compose.path, service.line, service=service.name, kind=kind
                )
