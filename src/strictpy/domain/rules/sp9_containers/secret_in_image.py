"""SP910 secret-in-image: secrets in build arguments, environment or copied files."""

from __future__ import annotations

import posixpath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.credential_values import credential_like_value
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import (
    DOCKERFILE_NAME,
    ENV_FILE_NAME,
    ENV_FILE_TEMPLATES,
)
from strictpy.domain.secret_names import is_secret_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Instruction
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["SecretInImage"]


def env_file_source(source: str) -> bool:
    """Tell whether a ``COPY``/``ADD`` source is an environment file.

    Args:
        source: A source path as written.

    Returns:
        True for ``.env`` and ``.env.<stage>`` files, not for the committed
        templates (``.env.example``).
    """
    name = posixpath.basename(posixpath.normpath(source))
    if name in ENV_FILE_TEMPLATES:
        return False
    return name == ENV_FILE_NAME or name.startswith(f"{ENV_FILE_NAME}.")


def instruction_secrets(instruction: Instruction) -> Iterator[str]:
    """Describe each secret an instruction puts into the image.

    Args:
        instruction: An ``ARG``, ``ENV``, ``COPY`` or ``ADD`` instruction.

    Yields:
        One description per secret.
    """
    keyword = instruction.keyword
    if keyword in {"ARG", "ENV"}:
        for name, value in instruction.pairs():
            if is_secret_name(name):
                yield f"'{keyword} {name}' has a secret-like name"
            elif credential_like_value(value):
                yield f"'{keyword} {name}' has a credential-like value"
    elif keyword in {"COPY", "ADD"}:
        for source in instruction.args[:-1]:
            if env_file_source(source):
                yield f"'{keyword}' copies the environment file '{source}'"


class SecretInImage(ProjectRule):
    """Flags secrets baked into the image: build arguments, environment, ``.env``.

    Ruleset section 4.6 forbids secrets in Docker build arguments and image
    layers, and 4.1-4.2 keep them in the runtime environment. Build arguments
    are recorded in the image history and ``ENV`` values in its config, so an
    ``ARG``/``ENV`` with a secret-like name (``API_TOKEN``, ``DB_PASSWORD``)
    is reported whatever its value, and any other with a credential-like
    value (a URL with a password, a well-known key shape). Copying a ``.env``
    file into a layer is reported too; ``.env.example`` is fine. Pass build
    secrets with ``RUN --mount=type=secret`` instead. One finding per secret,
    at the instruction's line, in every stage and before the first ``FROM``.
    """

    CODE = "SP910"
    NAME = "secret-in-image"
    MESSAGE = "Secret baked into the image: {what}"
    FIX_HINT = (
        "Read secrets at run time from the environment; use RUN --mount=type=secret"
    )
    RULESET_REF = "4.6"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERFILE_NAME: compliant_dockerfile("app")})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                        "ENV API_TOKEN=abc123\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=3,
        ),
        ProjectInvalid(
            MappingProxyType(
                {
                    DOCKERFILE_NAME: (
                        "FROM python:3.13-slim AS builder\n"
                        "COPY .env /app/.env\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every secret in build arguments, environment and copies.

        Args:
            ctx: The project context.

        Yields:
            One finding per secret.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        instructions = [
            *dockerfile.meta_args,
            *(item for stage in dockerfile.stages for item in stage.instructions),
        ]
        for instruction in instructions:
            for what in instruction_secrets(instruction):
                yield self.finding(ctx, DOCKERFILE_NAME, instruction.line, what=what)
