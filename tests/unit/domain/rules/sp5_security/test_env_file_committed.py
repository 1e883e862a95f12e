"""Tests for SP504 env-file-committed."""

from __future__ import annotations

import pytest

from strictpy.domain.rules.sp5_security.env_file_committed import is_env_file
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP504"


def test_tracked_env_files_are_reported() -> None:
    """.env, prod.env and .env.local tracked by git, each reported."""
    tracked = frozenset(
        {".env", "deploy/prod.env", ".env.local", ".env.example", "src/a.py"}
    )
    found = locations(CODE, {"src/a.py": ""}, tracked=tracked)
    assert found == [(".env", None), (".env.local", None), ("deploy/prod.env", None)]


def test_untracked_env_file_is_fine() -> None:
    """An ignored .env that exists on disk but is not tracked is fine."""
    files = {".env": "TOKEN=x\n", ".env.example": "TOKEN=\n"}
    assert locations(CODE, files, tracked=frozenset({".env.example"})) == []


def test_outside_git_is_silent() -> None:
    """Without git nothing is committed."""
    assert locations(CODE, {".env": "TOKEN=x\n"}, tracked=None) == []


def test_message_names_file() -> None:
    """The message names the tracked file."""
    (finding,) = findings_of(CODE, {}, tracked=frozenset({".env"}))
    assert "'.env'" in finding.message


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (".env", True),
        ("config/.env", True),
        ("staging.env", True),
        (".env.production", True),
        (".env.example", False),
        (".env.sample", False),
        (".env.template", False),
        (".envrc", False),
        ("environment.py", False),
    ],
)
def test_is_env_file(path: str, expected: bool) -> None:  # noqa: FBT001 - parametrized
    """Environment files by name; templates are allowed.

    Args:
        path: The path.
        expected: Whether it is an env file.
    """
    assert is_env_file(path) is expected
