"""SP932 compose-no-healthcheck: a compose service without a health check."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import ONE_SHOT_CONDITION

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.compose_model import ComposeFile, Service
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeNoHealthcheck"]

COMPOSE = "compose.yaml"
DISABLED_TEST = "NONE"


def has_healthcheck(service: Service) -> bool:
    """Tell whether a service defines an enabled health check.

    Args:
        service: The service.

    Returns:
        False without ``healthcheck``, with ``disable: true`` or ``test: NONE``.
    """
    check = service.config.get("healthcheck")
    if not isinstance(check, dict):
        return False
    if check.get("disable") is True:
        return False
    test = check.get("test")
    first = test[0] if isinstance(test, list) and test else test
    return first != DISABLED_TEST


def one_shot(compose: ComposeFile, service: Service) -> bool:
    """Tell whether a service is a one-shot job (a migration, for instance).

    Args:
        compose: The compose file.
        service: The service.

    Returns:
        True for ``restart: "no"`` when another service waits for it with
        ``condition: service_completed_successfully``.
    """
    restart = service.config.get("restart", "no")
    if restart != "no" and restart is not False:
        return False
    return any(
        other.depends_on().get(service.name) == ONE_SHOT_CONDITION
        for other in compose.services
        if other is not service
    )


class ComposeNoHealthcheck(ProjectRule):
    """Flags a compose service without a ``healthcheck``.

    Ruleset section 9.3 defines a health check for each service, so
    ``depends_on`` can wait for ``service_healthy`` and the orchestrator can
    restart what hangs. A disabled check (``disable: true``, ``test: NONE``)
    is none. A one-shot job is exempt: ``restart: "no"`` (or the default)
    and awaited by another service with
    ``condition: service_completed_successfully``, like a migration. A
    service extending another file's service is given the benefit of the
    doubt. The finding points at the service's key.
    """

    CODE = "SP932"
    NAME = "compose-no-healthcheck"
    MESSAGE = "Service '{service}' has no healthcheck"
    FIX_HINT = "Add a 'healthcheck' with a 'test' command to the service"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({COMPOSE: "services:\n  cache:\n    image: redis:7\n"}),
            path=COMPOSE,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every long-running service without a health check.

        Args:
            ctx: The project context.

        Yields:
            One finding per such service.
        """
        for compose in ctx.containers.compose_files:
            for service in compose.services:
                if has_healthcheck(service) or one_shot(compose, service):
                    continue
                if service.external_extends and "healthcheck" not in service.config:
                    continue
                yield self.finding(
                    ctx, compose.path, service.line, service=service.name
                )
