"""Every container input of a project, parsed once: Dockerfile, compose, ignore files.

``ProjectContext.containers`` calls :func:`parse_container_inputs` once per
project; every SP9 rule then reads the parsed models. A file that cannot be
parsed is left out of the models and described in ``problems`` instead, so
rules see only usable inputs and the engine reports each problem once (SP000).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.containers.compose_model import parse_compose
from strictpy.domain.containers.dockerfile_model import parse_dockerfile
from strictpy.domain.containers.ignore_entries import parse_ignore_file
from strictpy.domain.containers.input_problem import InputProblem
from strictpy.domain.ruleset_data import (
    COMPOSE_FILE_NAMES,
    DOCKERFILE_NAME,
    DOCKERIGNORE_NAME,
    GITIGNORE_NAME,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strictpy.domain.containers.compose_model import ComposeFile
    from strictpy.domain.containers.dockerfile_model import Dockerfile
    from strictpy.domain.containers.ignore_entries import IgnoreFile

__all__ = ["ContainerInputs", "parse_container_inputs"]


@dataclass(frozen=True, slots=True)
class ContainerInputs:
    """The parsed container inputs of one project.

    Attributes:
        dockerfile: The root ``Dockerfile``, or None when absent or unparsable.
        compose_files: The parsable compose files present, in Docker's
            precedence order (``compose.yaml`` first).
        ignore_files: The parsable ignore files present, by path.
        problems: Why a present file could not be parsed, one per file.
    """

    dockerfile: Dockerfile | None
    compose_files: tuple[ComposeFile, ...]
    ignore_files: MappingProxyType[str, IgnoreFile]
    problems: tuple[InputProblem, ...]


def parse_container_inputs(texts: Mapping[str, str]) -> ContainerInputs:
    """Parse the container inputs among a project's file texts.

    Args:
        texts: Project-level file texts by project-relative path.

    Returns:
        The parsed inputs and the problems of the unparsable ones.
    """
    problems: list[InputProblem] = []
    dockerfile: Dockerfile | None = None
    if DOCKERFILE_NAME in texts:
        parsed = parse_dockerfile(texts[DOCKERFILE_NAME])
        if isinstance(parsed, InputProblem):
            problems.append(parsed)
        else:
            dockerfile = parsed
    compose_files: list[ComposeFile] = []
    for name in COMPOSE_FILE_NAMES:
        if name not in texts:
            continue
        compose = parse_compose(name, texts[name])
        if isinstance(compose, InputProblem):
            problems.append(compose)
        else:
            compose_files.append(compose)
    ignore_files: dict[str, IgnoreFile] = {}
    for name in (GITIGNORE_NAME, DOCKERIGNORE_NAME):
        if name not in texts:
            continue
        ignore = parse_ignore_file(name, texts[name])
        if isinstance(ignore, InputProblem):
            problems.append(ignore)
        else:
            ignore_files[name] = ignore
    return ContainerInputs(
        dockerfile=dockerfile,
        compose_files=tuple(compose_files),
        ignore_files=MappingProxyType(ignore_files),
        problems=tuple(problems),
    )
