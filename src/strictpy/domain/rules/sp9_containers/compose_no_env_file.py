"""SP933 compose-no-env-file: the app service does not read an ``env_file``."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME, ENV_FILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.compose_model import Service
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeNoEnvFile"]

COMPOSE = "compose.yaml"


def uses_env_file(service: Service) -> bool:
    """Tell whether a service names at least one ``env_file``.

    Args:
        service: The service.

    Returns:
        True for a non-empty string, list or ``path`` entry.
    """
    value = service.config.get("env_file")
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(
            (isinstance(item, str) and item.strip())
            or (isinstance(item, dict) and item.get("path"))
            for item in value
        )
    return False


class ComposeNoEnvFile(ProjectRule):
    """Flags an app service that does not read its environment from ``env_file``.

    Ruleset sections 9.3 and 4.1-4.2 configure the application through the
    environment, referenced from a ``.env`` file that stays out of git, rather
    than ``environment:`` values written into the committed compose file.
    The app services are those built from the project's ``Dockerfile`` (a
    migration service built from its builder target needs the same
    settings); without any, the service named ``app``. The finding points at
    the service's key.
    """

    CODE = "SP933"
    NAME = "compose-no-env-file"
    MESSAGE = "App service '{service}' does not read its settings from 'env_file'"
    FIX_HINT = f"Add 'env_file: {ENV_FILE_NAME}' to the app service"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    COMPOSE: (
                        "services:\n"
                        "  app:\n"
                        "    build: .\n"
                        "    environment:\n"
                        "      DATABASE_URL: postgresql://db/app\n"
                    )
                }
            ),
            path=COMPOSE,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every app service without ``env_file``.

        Args:
            ctx: The project context.

        Yields:
            One finding per such service.
        """
        for compose in ctx.containers.compose_files:
            for service in compose.app_services(DOCKERFILE_NAME):
                if uses_env_file(service):
                    continue
                if service.external_extends and "env_file" not in service.config:
                    continue
                yield self.finding(
                    ctx, compose.path, service.line, service=service.name
                )
