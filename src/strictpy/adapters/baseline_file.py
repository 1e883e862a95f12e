"""Reading and writing baseline files (JSON), validated at this trust boundary."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from strictpy.exceptions import ConfigurationError

if TYPE_CHECKING:
    from collections import Counter
    from pathlib import Path

    from strictpy.domain.baseline import BaselineKey

__all__ = ["read_baseline", "write_baseline"]

BASELINE_VERSION = 1


class BaselineEntry(BaseModel):
    """One accepted finding key with its count.

    Attributes:
        code: The rule code.
        path: The project-relative path.
        fingerprint: The normalised source line or message.
        count: How many findings share the key.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    path: str
    fingerprint: str
    count: int = Field(default=1, ge=1)


class BaselineDocument(BaseModel):
    """A baseline file.

    Attributes:
        version: The file format's version.
        findings: The accepted keys.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    findings: list[BaselineEntry]


def read_baseline(path: Path) -> dict[BaselineKey, int]:
    """Read a baseline file.

    Args:
        path: The file.

    Raises:
        ConfigurationError: If the file is missing, unreadable or malformed.

    Returns:
        Accepted counts by key.
    """
    try:
        document = BaselineDocument.model_validate_json(path.read_bytes())
    except OSError as error:
        message = f"baseline '{path.name}' cannot be read ({error.strerror})"
        raise ConfigurationError(message) from None
    except ValidationError as error:
        message = f"baseline '{path.name}' is malformed: {error.errors()[0]['msg']}"
        raise ConfigurationError(message) from None
    if document.version != BASELINE_VERSION:
        message = f"baseline '{path.name}' has unsupported version {document.version}"
        raise ConfigurationError(message)
    return {
        (entry.code, entry.path, entry.fingerprint): entry.count
        for entry in document.findings
    }


def write_baseline(path: Path, counts: Counter[BaselineKey]) -> None:
    """Write a baseline file, sorted for stable diffs.

    Args:
        path: The file.
        counts: Accepted counts by key.

    Raises:
        ConfigurationError: If the file cannot be written.
    """
    document = BaselineDocument(
        version=BASELINE_VERSION,
        findings=[
            BaselineEntry(code=code, path=where, fingerprint=fingerprint, count=count)
            for (code, where, fingerprint), count in sorted(counts.items())
        ],
    )
    try:
        path.write_text(
            json.dumps(document.model_dump(), indent=2) + "\n", encoding="utf-8"
        )
    except OSError as error:
        message = f"baseline '{path.name}' cannot be written ({error.strerror})"
        raise ConfigurationError(message) from None
