"""SP930 compose-app-not-built: no compose service builds the project's Dockerfile."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_compose
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["ComposeAppNotBuilt"]

COMPOSE = "compose.yaml"


class ComposeAppNotBuilt(ProjectRule):
    """Flags a compose file in which no service builds the project's ``Dockerfile``.

    Ruleset section 9.3 runs the application in compose from the project's
    own ``Dockerfile``, so compose exercises the image that ships rather than
    a prebuilt or hand-made one. ``build: .`` counts, and so does a
    ``build`` mapping whose ``context`` and ``dockerfile`` (relative to the
    context, as in compose) resolve to the root ``Dockerfile``; a remote
    context or ``dockerfile_inline`` does not. Every compose file present is
    checked; one whose services extend a service of another file is given
    the benefit of the doubt. The finding points at the ``services`` key (no
    line for a file without one).
    """

    CODE = "SP930"
    NAME = "compose-app-not-built"
    MESSAGE = "No service of the compose file builds the project's '{dockerfile}'"
    FIX_HINT = "Give the app service 'build: .' (the project's Dockerfile)"
    RULESET_REF = "9.3"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({COMPOSE: compliant_compose()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({COMPOSE: "services:\n  app:\n    image: myapp:1.0\n"}),
            path=COMPOSE,
            line=1,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each compose file without a service built from the Dockerfile.

        Args:
            ctx: The project context.

        Yields:
            One finding per such compose file.
        """
        for compose in ctx.containers.compose_files:
            if any(service.builds(DOCKERFILE_NAME) for service in compose.services):
                continue
            if any(service.external_extends for service in compose.services):
                continue
            yield self.finding(
                ctx, compose.path, compose.services_line, dockerfile=DOCKERFILE_NAME
            )
