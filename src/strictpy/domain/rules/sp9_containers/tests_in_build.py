"""SP907 tests-in-build: a ``RUN`` that invokes pytest."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerfile
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERFILE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["TestsInBuild"]

PYTEST_PROGRAMS = frozenset({"pytest", "py.test"})


class TestsInBuild(ProjectRule):
    """Flags a ``RUN`` instruction that invokes pytest.

    Ruleset section 9.1 forbids running the test suite inside the Docker
    build: tests run in CI, and test dependencies and fixtures do not belong
    in an image built with ``--no-dev``. Invocations are found however they
    are launched (``pytest``, ``python -m pytest``, ``uv run pytest``, ``uvx``,
    ``sh -c``, heredoc scripts); installing pytest or naming it in an
    argument is not invoking it. One finding per ``RUN``, in any stage.
    """

    __test__ = False
    CODE = "SP907"
    NAME = "tests-in-build"
    MESSAGE = "'RUN' invokes '{program}' during the image build"
    FIX_HINT = "Remove the test run from the Dockerfile; run pytest in CI"
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
                        "RUN uv sync --frozen && uv run pytest -q\n"
                        "FROM gcr.io/distroless/python3-debian12\n"
                    )
                }
            ),
            path=DOCKERFILE_NAME,
            line=2,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report every ``RUN`` that invokes pytest.

        Args:
            ctx: The project context.

        Yields:
            One finding per offending ``RUN``.
        """
        dockerfile = ctx.containers.dockerfile
        if dockerfile is None:
            return
        for stage in dockerfile.stages:
            for instruction in stage.of("RUN"):
                program = next(
                    (
                        item.program
                        for item in instruction.invocations()
                        if item.program in PYTEST_PROGRAMS
                    ),
                    None,
                )
                if program is not None:
                    yield self.finding(
                        ctx, DOCKERFILE_NAME, instruction.line, program=program
                    )
