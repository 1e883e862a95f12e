"""Tests for finding the programs a shell script invokes."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.shell_commands import invocations, unwrap


def programs(script: str) -> list[tuple[str, bool]]:
    """Return (program, gating) pairs of a script.

    Args:
        script: The shell script.

    Returns:
        The pairs in order.
    """
    return [(item.program, item.gating) for item in invocations(script)]


@pytest.mark.parametrize(
    ("words", "program", "launchers"),
    [
        (("uv", "run", "--frozen", "ruff", "check"), "ruff", ("uv run",)),
        (("uv", "--no-cache", "run", "--with", "x", "ruff"), "ruff", ("uv run",)),
        (("uv", "tool", "run", "ruff@0.8"), "ruff", ("uv tool run",)),
        (("uvx", "--from", "ruff", "ruff==0.8", "format"), "ruff", ("uvx",)),
        (("python3.13", "-X", "dev", "-m", "pytest"), "pytest", ("python -m",)),
        (("/app/.venv/bin/python", "script.py"), "python", ()),
        (("A=1", "env", "-u", "X", "B=2", "exec", "pytest"), "pytest", ()),
        (("uv", "sync", "--frozen"), "uv", ()),
        (("pythonic",), "pythonic", ()),
        ((), "", ()),
    ],
)
def test_unwrap(
    words: tuple[str, ...], program: str, launchers: tuple[str, ...]
) -> None:
    """Launchers are peeled off down to the program.

    Args:
        words: The command.
        program: The expected program.
        launchers: The expected launchers.
    """
    found, _, through = unwrap(words)
    assert (found, through) == (program, launchers)


def test_gating() -> None:
    """Masking operators and sequences without set -e do not gate."""
    assert programs("a && b || c; d | e") == [
        ("a", False),
        ("b", False),
        ("c", False),
        ("d", False),
        ("e", True),
    ]
    assert programs("a; b && c") == [("a", False), ("b", True), ("c", True)]
    assert programs("set -eu\na\nb &\nc") == [
        ("set", False),
        ("a", True),
        ("b", False),
        ("c", True),
    ]
    assert programs("set -o errexit; a; b") == [
        ("set", False),
        ("a", True),
        ("b", True),
    ]


def test_continuations_redirections_and_comments() -> None:
    """Trailing operators continue a list; redirections and comments vanish."""
    assert programs("a &&\n  b > out.log 2>&1 # note\n") == [("a", True), ("b", True)]
    assert [item.args for item in invocations("cat <<EOF\nb\n")] == [(), ()]


def test_sh_c_is_expanded() -> None:
    """Scripts behind sh -c are searched; their gating combines."""
    assert programs('bash -ec "uv run pytest" || true') == [
        ("pytest", False),
        ("true", True),
    ]
    assert programs("sh -x") == [("sh", True)]


def test_unbalanced_quotes_fall_back_to_words() -> None:
    """A line with an unclosed quote is split on whitespace."""
    assert programs('echo "oops') == [("echo", True)]
