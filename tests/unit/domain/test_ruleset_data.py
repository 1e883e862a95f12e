"""Tests for the ruleset's container and ignore-file data."""

from __future__ import annotations

from pathlib import Path

from strictpy.domain import ruleset_data

RULESET = Path(__file__).parents[2] / "fixtures" / "spec" / "rules.md"


def test_entries_are_unique() -> None:
    """No entry is listed twice."""
    for entries in (ruleset_data.GITIGNORE_ENTRIES, ruleset_data.DOCKERIGNORE_ENTRIES):
        assert len(entries) == len(set(entries))


def test_values_match_the_ruleset() -> None:
    """Key values copied from ruleset section 9."""
    assert ruleset_data.BUILDER_IMAGE == "python:3.13-slim"
    assert ruleset_data.RUNTIME_IMAGE == "gcr.io/distroless/python3-debian12"
    assert ruleset_data.UV_IMAGE_REF == "ghcr.io/astral-sh/uv:latest"
    assert ruleset_data.FROZEN_SYNC_COMMAND.split()[2:] == list(
        ruleset_data.FROZEN_SYNC_FLAGS
    )
    assert "uv.lock" in ruleset_data.GITIGNORE_ENTRIES
    assert [
        len(ruleset_data.GITIGNORE_ENTRIES),
        len(ruleset_data.DOCKERIGNORE_ENTRIES),
    ] == [
        21,
        20,
    ]


def test_every_public_name_is_exported() -> None:
    """``__all__`` lists every upper-case constant."""
    constants = {name for name in vars(ruleset_data) if name.isupper()}
    assert constants == set(ruleset_data.__all__)
