"""SP935 compose-no-network: services that share no dedicated network."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.compose_model import ComposeFile, Service
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeNoNetwork"]

COMPOSE = "compose.yaml"
DEFAULT_NETWORK = "default"
ISOLATED_MODES = ("none", "service:", "container:")


def on_dedicated_network(compose: ComposeFile, service: Service) -> bool:
    """Tell whether a service joins a network the file declares.

    Args:
        compose: The compose file.
        service: The service.

    Returns:
        True when it names a declared network, or names none while the file
        declares ``default``, or shares another container's network stack
        (``network_mode: service:x``) or has none (``network_mode: none``).
    """
    mode = service.config.get("network_mode")
    if isinstance(mode, str):
        return mode.startswith(ISOLATED_MODES)
    names = service.network_names() or (DEFAULT_NETWORK,)
    return any(name in compose.networks for name in names)


class ComposeNoNetwork(ProjectRule):
    """Flags compose services that do not communicate over a dedicated network.

    Ruleset section 9.3 isolates the services on a dedicated network: the file
    declares it under the top-level ``networks`` key and every service joins
    it, so only the ports a service publishes are reachable from outside its
    group. A file that declares no network gets one finding at its
    ``services`` key; otherwise each service that joins none of the declared
    networks gets one at its key (``network_mode: host`` or ``bridge``
    included). Redefining ``default`` under ``networks`` counts as declaring
    it for services that name none. A service extending another file's
    service is given the benefit of the doubt.
    """

    CODE = "SP935"
    NAME = "compose-no-network"
    MESSAGE = "Compose {problem}"
    FIX_HINT = "Declare a network under 'networks:' and list it in every service"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    COMPOSE: "services:\n  app:\n    build: .\n  cache:\n    image: redis:7\n"
                }
            ),
            path=COMPOSE,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a file without a declared network, or services not on one.

        Args:
            ctx: The project context.

        Yields:
            One finding per file without a network, else one per service.
        """
        for compose in ctx.containers.compose_files:
            if not compose.services:
                continue
            if not compose.networks:
                yield self.finding(
                    ctx,
                    compose.path,
                    compose.services_line,
                    problem="file declares no dedicated network for its services",
                )
                continue
            for service in compose.services:
                if on_dedicated_network(compose, service):
                    continue
                if service.external_extends and not (
                    {"networks", "network_mode"} & service.config.keys()
                ):
                    continue
                yield self.finding(
                    ctx,
                    compose.path,
                    service.line,
                    problem=f"service '{service.name}' joins no declared network",
                )
