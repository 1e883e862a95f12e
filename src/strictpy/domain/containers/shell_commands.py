"""What a ``RUN`` script (or an exec-form argument list) actually invokes.

A script is split into simple commands at the shell's control operators; each
command is unwrapped through its launchers (``uv run``, ``uvx``, ``uv tool run``,
``python -m``, ``env``, ``sh -c``) to the program it finally runs. A command
*gates* the build when its failure fails the ``RUN``: it is not followed by
``||`` or ``|`` in its and-or list, and its list is the script's last one or
``set -e`` is in effect. ``ruff check . || true`` therefore does not gate.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["Invocation", "invocations", "unwrap"]

# Control operators that end an and-or list, and those inside one.
NEWLINE = "\n"
LIST_ENDS = frozenset({";", NEWLINE, "&", ";;"})
MASKING = frozenset({"||", "|"})
CONTINUING = frozenset({"&&", "||", "|"})
REDIRECTIONS = frozenset(
    {">", ">>", "<", ">&", "<&", ">|", "<>", "&>", "<<", "<<-", "<<<"}
)
SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh"})
WRAPPERS = frozenset({"exec", "time", "nice", "nohup", "command"})
# Options of uv, uv run, uvx and uv tool run that take a separate value.
UV_VALUE_OPTIONS = frozenset(
    {
        "--directory",
        "--project",
        "--cache-dir",
        "--config-file",
        "--color",
        "--python",
        "-p",
        "--with",
        "--with-editable",
        "--with-requirements",
        "--group",
        "--only-group",
        "--no-group",
        "--extra",
        "--package",
        "--env-file",
        "--from",
        "--index",
        "--index-url",
        "--default-index",
        "--extra-index-url",
        "--find-links",
        "-f",
        "--index-strategy",
        "--keyring-provider",
        "--resolution",
        "--prerelease",
        "--exclude-newer",
        "--link-mode",
        "--config-setting",
        "-C",
        "--refresh-package",
        "--reinstall-package",
        "--upgrade-package",
        "-P",
        "--allow-insecure-host",
        "--python-platform",
    }
)
PYTHON_VALUE_OPTIONS = frozenset({"-X", "-W", "-c"})
# Launchers that take options before the command: their value options, label.
OPTION_LAUNCHERS = MappingProxyType(
    {
        "env": (frozenset({"-u", "-C", "-S"}), ""),
        "uvx": (UV_VALUE_OPTIONS, "uvx"),
    }
)
MAX_DEPTH = 4
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=(?!=)")


@dataclass(frozen=True, slots=True)
class Invocation:
    """One program a script runs, after its launchers are unwrapped.

    Attributes:
        program: The program's base name without a version (``ruff``,
            ``pytest``, ``uv``), or the module for ``python -m``.
        args: The arguments after the program.
        launchers: The launchers it ran through, outermost first
            (``("uv run",)``, ``("uvx",)``, ``("python -m",)``).
        words: The whole simple command as written.
        gating: Whether the command's failure fails the script.
    """

    program: str
    args: tuple[str, ...]
    launchers: tuple[str, ...]
    words: tuple[str, ...]
    gating: bool


@dataclass(frozen=True, slots=True)
class _Command:
    """A simple command and whether its failure propagates.

    Attributes:
        words: The command's words, redirections removed.
        gating: Whether its failure fails the script.
    """

    words: tuple[str, ...]
    gating: bool


def _tokens(line: str) -> list[str]:
    """Split one logical line into shell words and operators.

    Args:
        line: The line (continuations already joined).

    Returns:
        The tokens; a line with unbalanced quotes falls back to whitespace.
    """
    lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|()<>")
    lexer.whitespace_split = True
    try:
        return list(lexer)
    except ValueError:
        return line.split()


def _script_tokens(script: str) -> list[str]:
    """Tokenise a whole script, with ``\\n`` tokens between its lines.

    Args:
        script: The shell script.

    Returns:
        The tokens.
    """
    tokens: list[str] = []
    for line in script.replace("\\\n", " ").splitlines():
        tokens.extend(_tokens(line))
        tokens.append(NEWLINE)
    return tokens


def _is_operator(piece: str) -> bool:
    """Tell whether a token is a control operator or redirection.

    Args:
        piece: A token.

    Returns:
        True for ``;``, ``&&``, ``|``, ``>`` and the like.
    """
    return piece == NEWLINE or (
        bool(piece) and all(char in ";&|()<>" for char in piece)
    )


def _is_errexit(words: tuple[str, ...]) -> bool:
    """Tell whether a command switches ``set -e`` on.

    Args:
        words: The command's words.

    Returns:
        True for ``set -e``, ``set -eux``, ``set -o errexit``.
    """
    if not words or words[0] != "set":
        return False
    options = words[1:]
    return "errexit" in options or any(
        word.startswith("-") and not word.startswith("--") and "e" in word
        for word in options
    )


def _split(script: str) -> list[_Command]:
    """Split a script into simple commands with their gating.

    Args:
        script: The shell script.

    Returns:
        The commands in order.
    """
    lists: list[list[tuple[tuple[str, ...], str]]] = [[]]
    words: list[str] = []
    skip_next = False
    for piece in _script_tokens(script):
        if skip_next:
            skip_next = False
            continue
        if piece in REDIRECTIONS:
            skip_next = True
            continue
        if not _is_operator(piece):
            words.append(piece)
            continue
        if piece in {"(", ")"}:
            continue
        if words:
            lists[-1].append((tuple(words), piece))
            words = []
        elif piece == NEWLINE and lists[-1] and lists[-1][-1][1] in CONTINUING:
            continue
        if piece in LIST_ENDS and lists[-1]:
            lists.append([])
    if words:
        lists[-1].append((tuple(words), "\n"))
    lists = [items for items in lists if items]
    commands: list[_Command] = []
    errexit = False
    for position, items in enumerate(lists):
        last_list = position == len(lists) - 1
        background = items[-1][1] == "&"
        for index, (command_words, _) in enumerate(items):
            masked = any(op in MASKING for _, op in items[index:])
            gating = not masked and not background and (last_list or errexit)
            commands.append(_Command(command_words, gating))
            errexit = errexit or _is_errexit(command_words)
    return commands


def _skip_options(words: tuple[str, ...], value_options: frozenset[str]) -> int:
    """Return the index of the first word that is not an option.

    Args:
        words: Words after a launcher.
        value_options: Options that take a separate value.

    Returns:
        The index of the first positional word (``len(words)`` if none).
    """
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return index + 1
        if not word.startswith("-") or word == "-":
            return index
        index += 2 if word in value_options else 1
    return index


def _program_name(word: str) -> str:
    """Return a program's base name without a pinned version.

    Args:
        word: The program word (``/app/.venv/bin/ruff``, ``ruff@0.6.0``).

    Returns:
        The base name (``ruff``).
    """
    name = posixpath.basename(word)
    return name.split("@", 1)[0].split("==", 1)[0]


def _unwrap_uv(
    words: tuple[str, ...], launchers: tuple[str, ...], depth: int
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Unwrap ``uv run``/``uv tool run``; other uv commands stay ``uv``.

    Args:
        words: The command, starting with ``uv``.
        launchers: Launchers already unwrapped.
        depth: The unwrapping depth.

    Returns:
        (program, args, launchers).
    """
    start = 1 + _skip_options(words[1:], UV_VALUE_OPTIONS)
    rest = words[start:]
    if rest[:1] == ("run",):
        inner = rest[1:][_skip_options(rest[1:], UV_VALUE_OPTIONS) :]
        return unwrap(inner, (*launchers, "uv run"), depth + 1)
    if rest[:2] == ("tool", "run"):
        inner = rest[2:][_skip_options(rest[2:], UV_VALUE_OPTIONS) :]
        return unwrap(inner, (*launchers, "uv tool run"), depth + 1)
    return "uv", rest, launchers


def _unwrap_python(
    words: tuple[str, ...], launchers: tuple[str, ...], depth: int
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Unwrap ``python -m module``; a script run stays ``python``.

    Args:
        words: The command, starting with a Python interpreter.
        launchers: Launchers already unwrapped.
        depth: The unwrapping depth.

    Returns:
        (program, args, launchers).
    """
    index = 1
    while index < len(words):
        word = words[index]
        if word == "-m" and index + 1 < len(words):
            module = words[index + 1]
            return unwrap(
                (module, *words[index + 2 :]), (*launchers, "python -m"), depth + 1
            )
        if not word.startswith("-") or word == "-c":
            break
        index += 2 if word in PYTHON_VALUE_OPTIONS else 1
    return "python", words[1:], launchers


def unwrap(
    words: tuple[str, ...], launchers: tuple[str, ...] = (), depth: int = 0
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Find the program a simple command finally runs.

    Args:
        words: The command's words (an exec-form list works as well).
        launchers: Launchers already unwrapped.
        depth: How deep the unwrapping is (bounded).

    Returns:
        (program, args, launchers); the program is empty for no command.
    """
    index = 0
    while index < len(words) and ASSIGNMENT.match(words[index]):
        index += 1
    words = words[index:]
    if not words or depth > MAX_DEPTH:
        return "", words, launchers
    name = _program_name(words[0])
    if name == "uv":
        return _unwrap_uv(words, launchers, depth)
    if name.startswith("python") and (name[6:] == "" or name[6:][0].isdigit()):
        return _unwrap_python(words, launchers, depth)
    rest = words[1:]
    if name in WRAPPERS:
        return unwrap(rest, launchers, depth + 1)
    if name in OPTION_LAUNCHERS:
        options, label = OPTION_LAUNCHERS[name]
        inner = rest[_skip_options(rest, options) :]
        return unwrap(inner, (*launchers, label) if label else launchers, depth + 1)
    return name, rest, launchers


def _shell_script(words: tuple[str, ...]) -> str | None:
    """Return the script of ``sh -c 'script'``, if the command is one.

    Args:
        words: A simple command.

    Returns:
        The inner script, or None.
    """
    if not words or _program_name(words[0]) not in SHELLS:
        return None
    for index, word in enumerate(words[1:], start=1):
        if word.startswith("-") and not word.startswith("--") and "c" in word:
            return words[index + 1] if index + 1 < len(words) else None
        if not word.startswith("-"):
            return None
    return None


def invocations(script: str, *, depth: int = 0) -> tuple[Invocation, ...]:
    """List every program a shell script invokes.

    Args:
        script: The script (a shell-form ``RUN`` or a heredoc body).
        depth: Nesting depth of ``sh -c`` scripts (bounded).

    Returns:
        The invocations in order; ``sh -c`` scripts are expanded in place.
    """
    found: list[Invocation] = []
    for command in _split(script):
        inner = _shell_script(command.words)
        if inner is not None and depth < MAX_DEPTH:
            found.extend(
                Invocation(
                    item.program,
                    item.args,
                    item.launchers,
                    item.words,
                    item.gating and command.gating,
                )
                for item in invocations(inner, depth=depth + 1)
            )
            continue
        program, args, launchers = unwrap(command.words)
        if program:
            found.append(
                Invocation(program, args, launchers, command.words, command.gating)
            )
    return tuple(found)
