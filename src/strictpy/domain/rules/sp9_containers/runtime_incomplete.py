"""SP911 runtime-incomplete: the runtime lacks the venv, the source or the venv's PATH."""

from __future__ import annotations

import posixpath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.containers.dockerfile_model import Stage
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.containers.dockerfile_model import Dockerfile
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["RuntimeIncomplete"]

VENV = ".venv"
SOURCE = "src"


def _absolute(path: str, workdir: str) -> str:
    """Resolve a destination against the current ``WORKDIR``.

    Args:
        path: The destination as written.
        workdir: The working directory at the instruction.

    Returns:
        The normalised absolute path.
    """
    return posixpath.normpath(posixpath.join(workdir, path))


def copied_from_builder(dockerfile: Dockerfile, stage: Stage) -> dict[str, str]:
    """Map the folders a stage copies from earlier stages to their destinations.

    Args:
        dockerfile: The parsed Dockerfile.
        stage: The final stage (its lineage is searched too).

    Returns:
        Source base name (``.venv``, ``src`` ...) to absolute destination.
    """
    copied: dict[str, str] = {}
    workdir = "/"
    for member in reversed(dockerfile.lineage(stage)):
        for instruction in member.instructions:
            if instruction.keyword == "WORKDIR":
                workdir = _absolute(
                    dockerfile.expand(member, instruction.args[0]), workdir
                )
                continue
            if instruction.keyword != "COPY" or not isinstance(
                dockerfile.copy_source(member, instruction), Stage
            ):
                continue
            destination = _absolute(instruction.args[-1], workdir)
            for source in instruction.args[:-1]:
                name = posixpath.basename(posixpath.normpath(source))
                copied[name] = destination
    return copied


def path_setting(dockerfile: Dockerfile, stage: Stage) -> tuple[int, str] | None:
    """Return the last ``ENV PATH`` of a stage's lineage, with its line.

    Args:
        dockerfile: The parsed Dockerfile.
        stage: The final stage.

    Returns:
        (line, value), or None when ``PATH`` is never set.
    """
    found: tuple[int, str] | None = None
    for member in reversed(dockerfile.lineage(stage)):
        for instruction in member.of("ENV"):
            for name, value in instruction.pairs():
                if name == "PATH":
                    found = (instruction.line, value)
    return found


class RuntimeIncomplete(ProjectRule):
    """Flags a runtime stage missing the venv, the source or the venv on ``PATH``.

    Ruleset section 9.1 builds the runtime from the builder's results: it
    copies ``.venv`` and ``src/`` from the builder and puts the venv's
    ``bin`` on ``PATH``, so the installed dependencies and console scripts
    are what runs. Copies count from any earlier stage (by name or index);
    ``PATH`` must contain the copied venv's ``bin`` folder (any ``.venv/bin``
    when the venv is not copied). One finding per missing part: at the
    ``ENV PATH`` line for a wrong ``PATH``, otherwise at the final ``FROM``.
    """

    CODE = "SP911"
    NAME = "runtime-incomplete"
    MESSAGE = "Runtime stage {problem}"
    FIX_HINT = (
        "COPY --from=builder /app/.venv and /app/src, and "
        'ENV PATH="/app/.venv/bin:${PATH}"'
    )
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
                        "COPY --from=builder /app/.venv /app/.venv\n"
                        'ENV PATH="/app/.venv/bin:${PATH}"\n'
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each missing part of the runtime stage.

        Args:
            ctx: The project context.

        Yields:
            One finding per missing copy or a ``PATH`` without the venv.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        final = dockerfile.final
        copied = copied_from_builder(dockerfile, final)
        for name in (VENV, SOURCE):
            if name not in copied:
                problem = f"does not copy '{name}' from the builder"
                yield self.finding(ctx, DOCKERFILE_NAME, final.line, problem=problem)
        setting = path_setting(dockerfile, final)
        entries = (
            {posixpath.normpath(entry) for entry in setting[1].split(":") if entry}
            if setting is not None
            else set()
        )
        if VENV in copied:
            wanted = {posixpath.join(copied[VENV], "bin")}
        else:
            wanted = {entry for entry in entries if entry.endswith(f"{VENV}/bin")}
        if not wanted or not wanted & entries:
            problem = "does not put the venv's 'bin' folder on 'PATH'"
            line = setting[0] if setting is not None else final.line
            yield self.finding(ctx, DOCKERFILE_NAME, line, problem=problem)
