"""The pre-commit hooks, run by the real ``pre-commit try-repo``.

``try-repo`` installs strictpy from a repository into a fresh virtualenv (from
PyPI: about 10 s with a warm pip cache) and runs the hooks of its
``.pre-commit-hooks.yaml`` on a git work tree. The repository given to it is a
snapshot of this checkout's packaging files and sources committed in
``tmp_path``, so uncommitted work is what gets tested and this checkout's git
state is never touched. The work tree is the compliant sample project; pre-commit's
cache, temporary files and git configuration stay in ``tmp_path`` too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.integration.compliant_project import compliant_project, write_project

if TYPE_CHECKING:
    from collections.abc import Mapping

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]

REPOSITORY = Path(__file__).resolve().parents[2]
SNAPSHOT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
HOOK_IDS = ("strictpy", "strictpy-project")
TIMEOUT_SECONDS = 900
GIT_TIMEOUT_SECONDS = 60
PLACEHOLDER = '\n\ndef pending() -> None:\n    """Do nothing yet."""\n    pass\n'
MODULE = "src/shop/config.py"


def _environment(tmp_path: Path) -> dict[str, str]:
    """Build an environment that keeps pre-commit and git inside tmp_path.

    Args:
        tmp_path: The test's temporary folder.

    Returns:
        The environment for the subprocesses.
    """
    git_config = tmp_path / "gitconfig"
    git_config.write_text(
        "[user]\n\tname = strictpy tests\n\temail = tests@example.invalid\n",
        encoding="utf-8",
    )
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "PYTHONPATH", "PRE_COMMIT"}
    }
    environment.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "GIT_CONFIG_GLOBAL": str(git_config),
            "GIT_CONFIG_NOSYSTEM": "1",
            "TMPDIR": str(temporary),
            "NO_COLOR": "1",
        }
    )
    return environment


def _git(folder: Path, environment: Mapping[str, str], *arguments: str) -> None:
    """Run git in a folder.

    Args:
        folder: The work tree.
        environment: The environment.
        *arguments: git's arguments.
    """
    subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [shutil.which("git") or "git", *arguments],
        cwd=folder,
        env=dict(environment),
        check=True,
        capture_output=True,
        timeout=GIT_TIMEOUT_SECONDS,
    )


def _snapshot(folder: Path, environment: Mapping[str, str]) -> Path:
    """Commit this checkout's hooks, packaging files and sources in a new repo.

    Args:
        folder: Where to create the repository.
        environment: The environment (git identity).

    Returns:
        The repository's folder.
    """
    folder.mkdir()
    for name in SNAPSHOT_FILES:
        shutil.copy2(REPOSITORY / name, folder / name)
    shutil.copytree(
        REPOSITORY / "src",
        folder / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    _git(folder, environment, "init", "-q")
    _git(folder, environment, "add", "-A")
    _git(folder, environment, "commit", "-q", "-m", "snapshot")
    return folder


def _try_repo(
    work_tree: Path, repository: Path, environment: Mapping[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run every hook of the repository on all files of the work tree.

    Args:
        work_tree: The git work tree to check.
        repository: The hooks' repository.
        environment: The environment.

    Returns:
        The finished ``pre-commit try-repo`` process.
    """
    _git(work_tree, environment, "add", "-A")
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(repository),
            "--all-files",
        ],
        cwd=work_tree,
        env=dict(environment),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )


def _hook_lines(output: str) -> dict[str, str]:
    """Read each hook's status line (``strictpy....Passed``).

    Args:
        output: pre-commit's output.

    Returns:
        Hook name to its status (``Passed`` or ``Failed``).
    """
    statuses: dict[str, str] = {}
    for line in output.splitlines():
        if line.startswith("strictpy") and line.endswith(("Passed", "Failed")):
            name, _, status = line.partition(".")
            statuses[name.strip()] = status.strip(".")
    return statuses


def test_hooks_fail_on_violations_and_pass_when_clean(tmp_path: Path) -> None:
    """A placeholder body fails both hooks; fixing it makes both pass.

    The file hook also fails when only a project-level file is missing:
    project rules still run for the root of the files it is given.

    Args:
        tmp_path: The test's temporary folder.
    """
    environment = _environment(tmp_path)
    repository = _snapshot(tmp_path / "strictpy", environment)
    work_tree = tmp_path / "project"
    work_tree.mkdir()
    files = compliant_project()
    write_project(work_tree, files)
    _git(work_tree, environment, "init", "-q")
    _git(work_tree, environment, "add", "-A")
    _git(work_tree, environment, "add", "-f", "uv.lock")

    write_project(work_tree, {MODULE: files[MODULE] + PLACEHOLDER})
    failing = _try_repo(work_tree, repository, environment)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert _hook_lines(output) == {
        "strictpy": "Failed",
        "strictpy (whole project)": "Failed",
    }, output
    assert output.count(f"{MODULE}:") >= len(HOOK_IDS), output
    assert "SP102" in output, output

    write_project(work_tree, {MODULE: files[MODULE]})
    passing = _try_repo(work_tree, repository, environment)
    output = passing.stdout + passing.stderr
    assert passing.returncode == 0, output
    assert _hook_lines(output) == {
        "strictpy": "Passed",
        "strictpy (whole project)": "Passed",
    }, output

    write_project(work_tree, {"README.md": None})
    missing = _try_repo(work_tree, repository, environment)
    output = missing.stdout + missing.stderr
    assert missing.returncode == 1, output
    assert _hook_lines(output)["strictpy"] == "Failed", output
    assert "README.md: SP705" in output, output
