"""SP912 entrypoint-not-module: the image does not run ``python -m <pkg>``."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.shell_commands import unwrap
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Dockerfile, Instruction
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["EntrypointNotModule"]

MODULE_LAUNCHER = "python -m"
PACKAGE_PLACEHOLDER = "<pkg>"


def effective_command(
    dockerfile: Dockerfile,
) -> tuple[tuple[str, ...], Instruction | None]:
    """Return the command the image runs: ``ENTRYPOINT`` followed by ``CMD``.

    Args:
        dockerfile: The parsed Dockerfile.

    Returns:
        The argument vector, and the instruction that decides it (the last
        ``ENTRYPOINT``, else the last ``CMD``), or None when neither exists.
    """
    final = dockerfile.final
    entrypoint: Instruction | None = None
    command: Instruction | None = None
    for member in reversed(dockerfile.lineage(final)):
        for instruction in member.of("ENTRYPOINT", "CMD"):
            if instruction.keyword == "ENTRYPOINT":
                entrypoint = instruction
            else:
                command = instruction
    words: tuple[str, ...] = ()
    if entrypoint is not None:
        words = entrypoint.command_words()
    if command is not None and (entrypoint is None or entrypoint.json_form):
        words = (*words, *command.command_words())
    return words, entrypoint or command


class EntrypointNotModule(ProjectRule):
    """Flags an image whose command is not ``python -m <pkg>``.

    Ruleset section 9.1 starts the application as a module of the project's
    package (``ENTRYPOINT ["/app/.venv/bin/python", "-m", "<pkg>"]``): the
    package's ``__main__.py`` is the composition root (section 2), and no
    shell or wrapper script stands between the container and Python. The
    command is ``ENTRYPOINT`` followed by ``CMD`` of the final stage (or the
    stages it is built from); ``python3``/``python3.13`` and interpreter
    options such as ``-u`` are fine. The finding points at the deciding
    ``ENTRYPOINT`` (else ``CMD``) line, or at the final ``FROM`` line.
    """

    CODE = "SP912"
    NAME = "entrypoint-not-module"
    MESSAGE = "Runtime command {command} does not run 'python -m {package}'"
    FIX_HINT = 'ENTRYPOINT ["/app/.venv/bin/python", "-m", "<pkg>"]'
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
                        "FROM gcr.io/distroless/python3-debian12\n"
                        'ENTRYPOINT ["/app/.venv/bin/uvicorn", "app.main:api"]\n'
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=3,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a runtime command other than ``python -m <pkg>``.

        Args:
            ctx: The project context.

        Yields:
            At most one finding.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        words, deciding = effective_command(dockerfile)
        program, _, launchers = unwrap(words)
        if MODULE_LAUNCHER in launchers and (
            ctx.package is None or program == ctx.package
        ):
            return
        line = deciding.line if deciding is not None else dockerfile.final.line
        command = json.dumps(list(words)) if words else "(none)"
        yield self.finding(
            ctx,
            DOCKERFILE_NAME,
            line,
            command=command,
            package=ctx.package or PACKAGE_PLACEHOLDER,
        )
