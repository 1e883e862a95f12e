"""Container image references: ``[registry/]path[:tag][@digest]`` split into parts.

Docker Hub's spellings of an official image (``python``, ``library/python``,
``docker.io/library/python``) normalise to the short name, so a rule compares
``python:3.13-slim`` however the Dockerfile writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ImageRef", "parse_image"]

HUB_PREFIXES = (
    "docker.io/library/",
    "index.docker.io/library/",
    "registry-1.docker.io/library/",
    "docker.io/",
    "index.docker.io/",
    "registry-1.docker.io/",
    "library/",
)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A parsed image reference.

    Attributes:
        text: The reference as written (after variable expansion).
        repository: The repository, Docker Hub prefixes removed (``python``).
        tag: The tag, or None when absent (Docker then uses ``latest``).
        digest: The digest (``sha256:...``), or None.
    """

    text: str
    repository: str
    tag: str | None
    digest: str | None

    @property
    def name(self) -> str:
        """The last path segment of the repository (``postgres``).

        Returns:
            The image's short name.
        """
        return self.repository.rsplit("/", 1)[-1]

    @property
    def pinned(self) -> bool:
        """Whether the reference names a version: a tag other than latest, or a digest.

        Returns:
            True for a pinned reference.
        """
        return self.digest is not None or (
            self.tag is not None and self.tag not in {"", "latest"}
        )


def parse_image(text: str) -> ImageRef:
    """Split an image reference into repository, tag and digest.

    Args:
        text: The reference, e.g. ``gcr.io/distroless/python3-debian12:nonroot``.

    Returns:
        The parsed reference.
    """
    reference = text.strip()
    remainder, _, digest = reference.partition("@")
    slash = remainder.rfind("/")
    colon = remainder.rfind(":")
    tag: str | None = None
    repository = remainder
    if colon > slash:
        repository, tag = remainder[:colon], remainder[colon + 1 :]
    lowered = repository.lower()
    for prefix in HUB_PREFIXES:
        if lowered.startswith(prefix):
            repository = repository[len(prefix) :]
            break
    return ImageRef(reference, repository, tag, digest or None)
