"""Formatting Python text with ``ruff format`` (SP813's fix, and ``strictpy new``).

The text goes to Ruff on stdin (``--stdin-filename`` names it for Ruff's
per-file settings), with the configuration in a temporary ``ruff.toml``; the
formatted text comes back on stdout. Nothing is read from or written to the
project by Ruff itself, and no code of the project is run.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from strictpy.adapters.ruff_runner import RUFF_TIMEOUT_SECONDS, find_ruff
from strictpy.exceptions import ExternalServiceError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["format_sources"]


def _format_one(ruff: str, config: Path, name: str, text: str) -> str:
    """Format one text with Ruff.

    Args:
        ruff: The executable.
        config: The ``ruff.toml`` to use.
        name: The file's project-relative path (for Ruff's settings).
        text: The source text.

    Raises:
        ExternalServiceError: If Ruff cannot run, times out or rejects the text.

    Returns:
        The formatted text.
    """
    arguments = [ruff, "format", "--config", str(config), "--no-cache"]
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [*arguments, "--stdin-filename", name, "-"],
            input=text.encode("utf-8"),
            cwd=config.parent,
            capture_output=True,
            timeout=RUFF_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        message = f"ruff format did not finish within {RUFF_TIMEOUT_SECONDS} seconds"
        raise ExternalServiceError(message) from None
    except OSError as error:
        message = (
            f"ruff could not be started ({error.strerror or type(error).__name__})"
        )
        raise ExternalServiceError(message) from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", errors="replace").strip()
        first = (
            detail.splitlines()[0] if detail else f"exit code {completed.returncode}"
        )
        message = f"ruff format failed on '{name}': {first}"
        raise ExternalServiceError(message)
    return completed.stdout.decode("utf-8")


def format_sources(texts: Mapping[str, str], config_text: str) -> dict[str, str]:
    """Format Python texts with Ruff and a given configuration.

    Args:
        texts: Project-relative path to source text.
        config_text: The ``ruff.toml`` text to format with.

    Raises:
        ExternalServiceError: If Ruff is missing or fails on a text.

    Returns:
        Path to formatted text, for every input.
    """
    if not texts:
        return {}
    ruff = find_ruff()
    if ruff is None:
        message = "the ruff executable was not found"
        raise ExternalServiceError(message)
    with tempfile.TemporaryDirectory(prefix="strictpy-format-") as folder:
        config = Path(folder) / "ruff.toml"
        config.write_text(config_text, encoding="utf-8")
        return {
            name: _format_one(ruff, config, name, text) for name, text in texts.items()
        }
