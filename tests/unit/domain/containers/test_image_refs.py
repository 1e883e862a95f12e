"""Tests for image reference parsing."""

from __future__ import annotations

import pytest

from strictpy.domain.containers.image_refs import parse_image


@pytest.mark.parametrize(
    ("text", "repository", "tag", "digest"),
    [
        ("python:3.13-slim", "python", "3.13-slim", None),
        ("docker.io/library/python:3.13", "python", "3.13", None),
        ("library/redis", "redis", None, None),
        ("localhost:5000/app", "localhost:5000/app", None, None),
        ("localhost:5000/app:1.2", "localhost:5000/app", "1.2", None),
        (
            "gcr.io/distroless/python3-debian12@sha256:ab",
            "gcr.io/distroless/python3-debian12",
            None,
            "sha256:ab",
        ),
        (
            "ghcr.io/astral-sh/uv:0.5@sha256:cd",
            "ghcr.io/astral-sh/uv",
            "0.5",
            "sha256:cd",
        ),
    ],
)
def test_parse_image(
    text: str, repository: str, tag: str | None, digest: str | None
) -> None:
    """References split into repository, tag and digest.

    Args:
        text: The reference.
        repository: The expected repository.
        tag: The expected tag.
        digest: The expected digest.
    """
    ref = parse_image(text)
    assert (ref.repository, ref.tag, ref.digest) == (repository, tag, digest)


def test_name_and_pinned() -> None:
    """The short name is the last segment; latest and no tag are unpinned."""
    assert parse_image("bitnami/postgresql:16").name == "postgresql"
    assert parse_image("redis:7").pinned
    assert parse_image("redis@sha256:ab").pinned
    assert not parse_image("redis").pinned
    assert not parse_image("redis:latest").pinned
