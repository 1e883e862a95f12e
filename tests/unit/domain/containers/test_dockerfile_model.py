"""Tests for the BuildKit-backed Dockerfile model."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.dockerfile_model import (
    Dockerfile,
    Stage,
    parse_dockerfile,
)
from strictpy.domain.containers.input_problem import InputProblem


def parsed(text: str) -> Dockerfile:
    """Parse a Dockerfile that must be valid.

    Args:
        text: The Dockerfile.

    Returns:
        The model.
    """
    result = parse_dockerfile(text)
    assert isinstance(result, Dockerfile), result
    return result


def test_stages_names_lines_and_platform() -> None:
    """FROM flags, AS names (lower-cased) and lines are kept."""
    dockerfile = parsed(
        "# syntax=docker/dockerfile:1\n"
        "FROM --platform=$BUILDPLATFORM python:3.13-slim AS Builder\n"
        "RUN echo hi\n"
        "\n"
        "FROM gcr.io/distroless/python3-debian12\n"
    )
    first, final = dockerfile.stages
    assert (first.name, first.line, first.platform) == ("builder", 2, "$BUILDPLATFORM")
    assert (final.name, final.line, final.label) == (None, 5, "1")
    assert dockerfile.final is final
    assert dockerfile.builders == (first,)
    assert [item.keyword for item in first.instructions] == ["RUN"]


def test_meta_args_expand_from() -> None:
    """ARG defaults before the first FROM expand images, in order."""
    dockerfile = parsed(
        'ARG PY="3.13"\nARG IMAGE=python:${PY}-slim\nARG UNSET\nFROM ${IMAGE}${UNSET}\n'
    )
    assert dockerfile.stages[0].base == "python:3.13-slim"
    assert dict(dockerfile.arg_defaults) == {"PY": "3.13", "IMAGE": "python:3.13-slim"}
    assert [item.line for item in dockerfile.meta_args] == [1, 2, 3]


def test_continuations_and_heredocs() -> None:
    """Continuations join; heredoc bodies are kept; lines span the instruction."""
    dockerfile = parsed(
        "FROM a\nRUN echo one \\\n    && echo two\nRUN <<EOF\nset -e\necho three\nEOF\n"
    )
    first, second = dockerfile.stages[0].of("RUN")
    assert (first.line, first.end_line) == (2, 3)
    assert [item.args for item in first.invocations()] == [("one",), ("two",)]
    assert second.heredocs == ("set -e\necho three\n",)
    assert [item.program for item in second.invocations()] == ["set", "echo"]


def test_json_and_shell_forms() -> None:
    """JSON form keeps items; shell form is split like a shell."""
    dockerfile = parsed(
        'FROM a\nCMD ["python", "-m", "app"]\nENTRYPOINT exec python -m app\n'
    )
    command, entrypoint = dockerfile.stages[0].instructions
    assert command.json_form
    assert command.command_words() == ("python", "-m", "app")
    assert not entrypoint.json_form
    assert entrypoint.command_words() == ("exec", "python", "-m", "app")


def test_copy_from_by_name_index_and_image() -> None:
    """COPY --from resolves stage names, indexes and images (with ARGs)."""
    dockerfile = parsed(
        "ARG UV=0.5\n"
        "FROM python:3.13-slim AS builder\n"
        "FROM gcr.io/distroless/python3-debian12\n"
        "COPY --from=builder /a /a\n"
        "COPY --from=0 /b /b\n"
        "COPY --from=ghcr.io/astral-sh/uv:${UV} /uv /bin/\n"
        "COPY local /c\n"
    )
    final = dockerfile.final
    by_name, by_index, image, local = (
        dockerfile.copy_source(final, item) for item in final.of("COPY")
    )
    assert by_name is dockerfile.stages[0]
    assert by_index is dockerfile.stages[0]
    assert not isinstance(image, Stage)
    assert image is not None
    assert (image.repository, image.tag) == ("ghcr.io/astral-sh/uv", "0.5")
    assert local is None


def test_lineage_and_base_image() -> None:
    """A stage built FROM another stage inherits its base image."""
    dockerfile = parsed(
        "FROM gcr.io/distroless/python3-debian12:nonroot AS base\nFROM base AS app\n"
    )
    app = dockerfile.final
    assert [stage.label for stage in dockerfile.lineage(app)] == ["app", "base"]
    assert dockerfile.base_image(app).tag == "nonroot"


def test_pairs_of_env_label_and_arg() -> None:
    """ENV (both forms), LABEL and ARG give name/value pairs without quotes."""
    dockerfile = parsed(
        'FROM a\nENV A=1 B="two words"\nENV OLD value here\nLABEL k=v\nARG X Y=2\n'
    )
    env, old, label, arg = dockerfile.stages[0].instructions
    assert env.pairs() == (("A", "1"), ("B", "two words"))
    assert old.pairs() == (("OLD", "value here"),)
    assert label.pairs() == (("k", "v"),)
    assert arg.pairs() == (("X", ""), ("Y", "2"))
    assert arg.arg_defaults() == (("X", None), ("Y", "2"))


def test_expand_uses_stage_args_and_env_above_the_line() -> None:
    """Expansion sees meta defaults, stage ARG defaults and ENV above the line."""
    dockerfile = parsed(
        "ARG A=meta\nFROM x\nARG B=arg\nENV C=env\nUSER $A-$B-$C\nENV D=late\n"
    )
    stage = dockerfile.final
    assert dockerfile.expand(stage, "$A-$B-$C-$D", line=5) == "meta-arg-env-"


def test_flags() -> None:
    """Flags give their value, an empty string without one, None when absent."""
    dockerfile = parsed("FROM a\nCOPY --link --chown=a:b x y\n")
    [copy] = dockerfile.stages[0].instructions
    assert copy.flag("chown") == "a:b"
    assert copy.flag("link") == ""
    assert copy.flag("from") is None


def test_escape_directive_changes_continuation() -> None:
    """With '# escape=`' the backtick continues a line."""
    dockerfile = parsed("# escape=`\nFROM a\nRUN echo one `\n    two\n")
    [run] = dockerfile.stages[0].instructions
    assert (run.line, run.end_line) == (3, 4)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("FROM a\nFOO bar\n", 2, "unknown instruction: FOO"),
        ("", None, "file with no instructions"),
        ("ARG X=1\n", None, "dockerfile contains no stages to build"),
        ("RUN x\nFROM a\n", 1, "no build stage in current context"),
        ("FROM a b\n", 1, "FROM requires either one or three arguments"),
        ("FROM a AS 9x\n", 1, "invalid name for build stage"),
        ("FROM a\nCOPY x\n", 2, "COPY requires at least two arguments"),
        ("FROM a\nUSER\n", 2, "USER requires exactly one argument"),
        ("FROM a\nEXPOSE\n", 2, "EXPOSE requires at least one argument"),
        ("FROM a\nSHELL sh -c\n", 2, "SHELL requires the arguments to be in JSON form"),
        ("FROM a\nONBUILD FROM b\n", 2, "FROM isn't allowed as an ONBUILD trigger"),
        ("FROM a\nRUN --mnt=x y\n", 2, "unknown flag: mnt"),
        ("FROM a\n\nENV A\n", 3, "ENV must have two arguments"),
        ("FROM a\nRUN <<EOF\nx\n", 2, "unterminated heredoc"),
        ("FROM a\n\x00\n", 2, "not a UTF-8 text file"),
    ],
)
def test_rejected_files(text: str, line: int | None, reason: str) -> None:
    """What BuildKit rejects becomes one problem with its message and line.

    Args:
        text: The Dockerfile.
        line: The expected line, or None.
        reason: A part of the expected message.
    """
    problem = parse_dockerfile(text)
    assert isinstance(problem, InputProblem)
    assert problem.path == "Dockerfile"
    assert problem.line == line
    assert reason in problem.reason
