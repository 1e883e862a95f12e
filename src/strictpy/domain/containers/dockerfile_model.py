"""A Dockerfile parsed with BuildKit's own grammar into stages and instructions.

Parsing uses the ``dockerfile`` package from PyPI, which wraps the parser of
``moby/buildkit`` (``frontend/dockerfile/parser``) compiled from Go: line
continuations, heredocs, the ``# syntax=`` and ``# escape=`` directives and
JSON versus shell form come out exactly as BuildKit sees them. That package
stops at BuildKit's syntax layer, so this module adds the checks of BuildKit's
``instructions`` layer that reject a file (unknown instructions, ``FROM`` arity
and stage names, unknown flags, missing arguments, an instruction before the
first ``FROM``), and the build-argument expansion of ``FROM`` and
``COPY --from`` (defaults of the ``ARG`` lines before the first ``FROM``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import dockerfile

from strictpy.domain.containers.image_refs import parse_image
from strictpy.domain.containers.input_problem import InputProblem, binary_problem
from strictpy.domain.containers.shell_commands import Invocation, invocations, unwrap
from strictpy.domain.containers.variable_expansion import expand_variables

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strictpy.domain.containers.image_refs import ImageRef

__all__ = ["Dockerfile", "Instruction", "Stage", "parse_dockerfile"]

VALID_STAGE_NAME = re.compile(r"^[a-z][a-z0-9-_.]*$")
ALLOWED_FLAGS = MappingProxyType(
    {
        "FROM": frozenset({"platform"}),
        "COPY": frozenset({"chown", "from", "chmod", "link", "parents", "exclude"}),
        "ADD": frozenset(
            {"chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"}
        ),
        "RUN": frozenset({"mount", "network", "security", "device"}),
        "HEALTHCHECK": frozenset(
            {"interval", "timeout", "start-period", "start-interval", "retries"}
        ),
    }
)
KNOWN_INSTRUCTIONS = frozenset(
    {
        "ADD",
        "ARG",
        "CMD",
        "COPY",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "FROM",
        "HEALTHCHECK",
        "LABEL",
        "MAINTAINER",
        "ONBUILD",
        "RUN",
        "SHELL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    }
)
EXACTLY_ONE = frozenset({"USER", "WORKDIR", "MAINTAINER", "STOPSIGNAL"})
AT_LEAST_ONE = frozenset(
    {"EXPOSE", "VOLUME", "ARG", "ONBUILD", "LABEL", "ENV", "HEALTHCHECK", "SHELL"}
)
FORBIDDEN_TRIGGERS = frozenset({"ONBUILD", "FROM", "MAINTAINER"})
THREE_ARGS = 3
MIN_COPY_ARGS = 2
QUOTES = ("'", '"')
PATH = "Dockerfile"
# BuildKit's message for a file without instructions: about no line in particular.
NO_INSTRUCTIONS = "file with no instructions"


@dataclass(frozen=True, slots=True)
class Instruction:
    """One Dockerfile instruction as BuildKit parsed it.

    Attributes:
        keyword: The instruction, upper-case (``RUN``, ``COPY`` ...).
        line: The first line.
        end_line: The last line (continuations and heredocs included).
        args: The arguments: shell-form text as one item, JSON-form items,
            or key/value items alternating for ``ENV`` and ``LABEL``.
        flags: The ``--name=value`` flags as written.
        json_form: Whether the arguments were written as a JSON array.
        heredocs: The bodies of the instruction's heredocs.
        trigger: The instruction ``ONBUILD`` defers, or None.
    """

    keyword: str
    line: int
    end_line: int
    args: tuple[str, ...]
    flags: tuple[str, ...] = ()
    json_form: bool = False
    heredocs: tuple[str, ...] = ()
    trigger: str | None = None

    def flag(self, name: str) -> str | None:
        """Return the value of a ``--name=value`` flag (last one wins).

        Args:
            name: The flag's name without dashes.

        Returns:
            The value, ``""`` for a flag without one, or None when absent.
        """
        value: str | None = None
        for raw in self.flags:
            key, has_value, given = raw.removeprefix("--").partition("=")
            if key == name:
                value = given if has_value else ""
        return value

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Return the ``name=value`` pairs of ``ENV``, ``LABEL`` or ``ARG``.

        Returns:
            (name, value) pairs, quotes removed; an ``ARG`` without a default
            has the value ``""``.
        """
        if self.keyword == "ARG":
            return tuple(
                (name, _unquote(value))
                for name, _, value in (arg.partition("=") for arg in self.args)
            )
        items = self.args
        return tuple(
            (items[index], _unquote(items[index + 1]))
            for index in range(0, len(items) - 1, 2)
        )

    def arg_defaults(self) -> tuple[tuple[str, str | None], ...]:
        """Return an ``ARG`` line's names with their defaults.

        Returns:
            (name, default) pairs; the default is None when none is given.
        """
        return tuple(
            (name, _unquote(value) if has_default else None)
            for name, has_default, value in (arg.partition("=") for arg in self.args)
        )

    def command_words(self) -> tuple[str, ...]:
        """Return the words of ``CMD``/``ENTRYPOINT``/``RUN`` in either form.

        Returns:
            JSON items as they are; shell form split like a shell would.
        """
        if self.json_form:
            return self.args
        words: list[str] = []
        for item in invocations(" ".join(self.args)):
            words.extend(item.words)
        return tuple(words)

    def invocations(self) -> tuple[Invocation, ...]:
        """List the programs a ``RUN`` invokes, heredoc scripts included.

        Returns:
            The invocations in order.
        """
        if self.json_form:
            program, args, launchers = unwrap(self.args)
            if not program:
                return ()
            return (Invocation(program, args, launchers, self.args, gating=True),)
        scripts = (" ".join(self.args), *self.heredocs)
        return tuple(item for script in scripts for item in invocations(script))


@dataclass(frozen=True, slots=True)
class Stage:
    """One build stage: a ``FROM`` and the instructions up to the next one.

    Attributes:
        index: The stage's position, 0-based (``COPY --from=0``).
        name: The ``AS`` name, lower-case, or None.
        base: The base image or stage name, build arguments expanded.
        line: The ``FROM`` line.
        platform: The ``--platform`` value, or None.
        instructions: The stage's instructions after ``FROM``.
    """

    index: int
    name: str | None
    base: str
    line: int
    platform: str | None
    instructions: tuple[Instruction, ...]

    @property
    def label(self) -> str:
        """The stage's name, or its index when it has none.

        Returns:
            A short label for messages.
        """
        return self.name if self.name is not None else str(self.index)

    def of(self, *keywords: str) -> tuple[Instruction, ...]:
        """Return the stage's instructions of the given kinds, in order.

        Args:
            *keywords: Upper-case instruction names.

        Returns:
            The matching instructions.
        """
        return tuple(item for item in self.instructions if item.keyword in keywords)


@dataclass(frozen=True, slots=True)
class Dockerfile:
    """A parsed Dockerfile.

    Attributes:
        stages: The build stages, in order (at least one).
        meta_args: The ``ARG`` instructions before the first ``FROM``.
        arg_defaults: Defaults of those build arguments, by name.
    """

    stages: tuple[Stage, ...]
    meta_args: tuple[Instruction, ...]
    arg_defaults: MappingProxyType[str, str]

    @property
    def final(self) -> Stage:
        """The last stage: what ``docker build`` produces by default.

        Returns:
            The final stage.
        """
        return self.stages[-1]

    @property
    def builders(self) -> tuple[Stage, ...]:
        """The stages that build for the final one: all before it.

        A single-stage file's only stage counts as its own builder.

        Returns:
            The builder stages, first one first.
        """
        return self.stages[:-1] or self.stages

    def stage(self, reference: str, before: int | None = None) -> Stage | None:
        """Find a stage by name or index, as ``COPY --from`` and ``FROM`` do.

        Args:
            reference: A stage name (any case) or a 0-based index.
            before: Only consider stages before this index.

        Returns:
            The stage, or None when the reference names an image.
        """
        limit = len(self.stages) if before is None else before
        candidates = self.stages[:limit]
        if reference.isdigit():
            index = int(reference)
            return candidates[index] if index < len(candidates) else None
        lowered = reference.lower()
        return next((stage for stage in candidates if stage.name == lowered), None)

    def lineage(self, stage: Stage) -> tuple[Stage, ...]:
        """Return a stage and the earlier stages it is built ``FROM``.

        Args:
            stage: The stage to start from.

        Returns:
            The chain, the given stage first.
        """
        chain = [stage]
        current = self.stage(stage.base, before=stage.index)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.stage(current.base, before=current.index)
        return tuple(chain)

    def base_image(self, stage: Stage) -> ImageRef:
        """Return the external image a stage is ultimately built from.

        Args:
            stage: The stage.

        Returns:
            The image of the oldest stage in its lineage.
        """
        return parse_image(self.lineage(stage)[-1].base)

    def expand(self, stage: Stage, text: str, line: int | None = None) -> str:
        """Expand ``$NAME`` references with what a stage knows at a line.

        Known are the defaults of build arguments declared before the first
        ``FROM`` and the stage's own ``ARG`` defaults and ``ENV`` values
        declared before the line.

        Args:
            stage: The stage.
            text: The text to expand.
            line: Only declarations above this line count (None: all).

        Returns:
            The expanded text; unknown variables expand to nothing.
        """
        values = dict(self.arg_defaults)
        for item in stage.instructions:
            if line is not None and item.line >= line:
                break
            if item.keyword == "ARG":
                values.update(
                    (name, default)
                    for name, default in item.arg_defaults()
                    if default is not None
                )
            elif item.keyword == "ENV":
                values.update(item.pairs())
        return expand_variables(text, values)

    def copy_source(
        self, stage: Stage, instruction: Instruction
    ) -> Stage | ImageRef | None:
        """Resolve a ``COPY --from`` value to an earlier stage or an image.

        Args:
            stage: The stage holding the instruction.
            instruction: A ``COPY`` (or ``ADD``) instruction.

        Returns:
            The earlier stage it names (by name or index), the image it names
            (build arguments expanded), or None without ``--from``.
        """
        raw = instruction.flag("from")
        if raw is None:
            return None
        value = self.expand(stage, raw, instruction.line)
        source = self.stage(value, before=stage.index)
        return source if source is not None else parse_image(value)


def _unquote(value: str) -> str:
    """Remove one pair of matching surrounding quotes.

    Args:
        value: A value as the parser kept it.

    Returns:
        The value without its quotes.
    """
    if len(value) >= len(QUOTES) and value[0] in QUOTES and value[-1] == value[0]:
        return value[1:-1]
    return value


def _syntax_problem(text: str, message: str) -> InputProblem:
    """Locate a BuildKit syntax error, which the parser reports without a line.

    The first line at which the file's prefix fails with the same message is
    where the problem starts (an unterminated heredoc, a bad continuation).

    Args:
        text: The Dockerfile's text.
        message: BuildKit's message for the whole file.

    Returns:
        The problem, with its line when one could be found.
    """
    if message == NO_INSTRUCTIONS:
        return InputProblem(PATH, None, message)
    lines = text.split("\n")
    for end in range(1, len(lines) + 1):
        try:
            dockerfile.parse_string("\n".join(lines[:end]) + "\n")
        except dockerfile.GoParseError as error:
            if str(error) == message:
                return InputProblem(PATH, end, message)
    return InputProblem(PATH, None, message)


def _instruction_problem(
    command: Instruction, *, before_first_from: bool
) -> str | None:
    """Return BuildKit's ``instructions``-layer error for one instruction.

    Args:
        command: The instruction.
        before_first_from: Whether no ``FROM`` came before it.

    Returns:
        The error message, or None when BuildKit accepts the instruction.
    """
    keyword = command.keyword
    if keyword not in KNOWN_INSTRUCTIONS:
        return f"unknown instruction: {keyword}"
    if before_first_from and keyword not in {"ARG", "FROM"}:
        return "no build stage in current context"
    allowed = ALLOWED_FLAGS.get(keyword, frozenset())
    for raw in command.flags:
        name = raw.removeprefix("--").partition("=")[0]
        if name not in allowed:
            return f"unknown flag: {name}"
    count = len(command.args)
    problem: str | None = None
    if keyword == "FROM":
        problem = _from_problem(command.args)
    elif keyword in {"COPY", "ADD"} and count < MIN_COPY_ARGS:
        problem = (
            f"{keyword} requires at least two arguments, but only one was "
            "provided. Destination could not be determined"
        )
    elif keyword in EXACTLY_ONE and count != 1:
        problem = f"{keyword} requires exactly one argument"
    elif keyword in AT_LEAST_ONE and count == 0:
        problem = f"{keyword} requires at least one argument"
    elif keyword == "SHELL" and not command.json_form:
        problem = "SHELL requires the arguments to be in JSON form"
    elif keyword == "ONBUILD" and (command.trigger or "").upper() in FORBIDDEN_TRIGGERS:
        problem = f"{command.trigger} isn't allowed as an ONBUILD trigger"
    return problem


def _from_problem(args: tuple[str, ...]) -> str | None:
    """Return BuildKit's error for a ``FROM``'s arguments, if any.

    Args:
        args: The ``FROM`` arguments.

    Returns:
        The error message, or None.
    """
    if len(args) == THREE_ARGS and args[1].lower() == "as":
        if not VALID_STAGE_NAME.match(args[2].lower()):
            return (
                f'invalid name for build stage: "{args[2]}", name can\'t start '
                "with a number or contain symbols"
            )
        return None
    if len(args) != 1:
        return "FROM requires either one or three arguments"
    return None


def _instruction(command: dockerfile.Command) -> Instruction:
    """Convert the parser's command into an :class:`Instruction`.

    Args:
        command: One command from ``dockerfile.parse_string``.

    Returns:
        The instruction.
    """
    return Instruction(
        keyword=command.cmd.upper(),
        line=command.start_line,
        end_line=command.end_line,
        args=tuple(command.value),
        flags=tuple(command.flags),
        json_form=bool(command.json),
        heredocs=tuple(heredoc.content for heredoc in command.heredocs),
        trigger=command.sub_cmd.upper() if command.sub_cmd else None,
    )


def _build(instructions: list[Instruction]) -> Dockerfile | InputProblem:
    """Group instructions into stages and expand the stages' base images.

    Args:
        instructions: Every instruction, in order.

    Returns:
        The Dockerfile, or the first problem BuildKit would report.
    """
    meta_args: list[Instruction] = []
    defaults: dict[str, str] = {}
    heads: list[tuple[Instruction, list[Instruction]]] = []
    for item in instructions:
        problem = _instruction_problem(item, before_first_from=not heads)
        if problem is not None:
            return InputProblem(PATH, item.line, problem)
        if item.keyword == "FROM":
            heads.append((item, []))
        elif heads:
            heads[-1][1].append(item)
        else:
            meta_args.append(item)
            for name, default in item.arg_defaults():
                if default is not None:
                    defaults[name] = expand_variables(default, defaults)
    if not heads:
        return InputProblem(PATH, None, "dockerfile contains no stages to build")
    stages = tuple(
        _stage(index, head, body, defaults) for index, (head, body) in enumerate(heads)
    )
    return Dockerfile(stages, tuple(meta_args), MappingProxyType(defaults))


def _stage(
    index: int, head: Instruction, body: list[Instruction], defaults: Mapping[str, str]
) -> Stage:
    """Build one stage from its ``FROM`` and body.

    Args:
        index: The stage's position.
        head: The ``FROM`` instruction.
        body: The instructions after it.
        defaults: Build-argument defaults declared before the first ``FROM``.

    Returns:
        The stage.
    """
    name = head.args[2].lower() if len(head.args) == THREE_ARGS else None
    platform = head.flag("platform")
    return Stage(
        index=index,
        name=name,
        base=expand_variables(head.args[0], defaults),
        line=head.line,
        platform=platform,
        instructions=tuple(body),
    )


def parse_dockerfile(text: str) -> Dockerfile | InputProblem:
    """Parse a Dockerfile's text the way BuildKit does.

    Args:
        text: The file's text.

    Returns:
        The parsed Dockerfile, or the problem that makes BuildKit reject it.
    """
    binary = binary_problem(PATH, text)
    if binary is not None:
        return binary
    try:
        commands = dockerfile.parse_string(text)
    except dockerfile.GoParseError as error:
        return _syntax_problem(text, str(error))
    # A lone continuation at the end of the file yields a command without a
    # name, which BuildKit skips.
    return _build([_instruction(command) for command in commands if command.cmd])
