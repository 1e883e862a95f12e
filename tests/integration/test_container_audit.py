"""The audit on real container files: bad inputs are one SP000 each, the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType

import pytest
from typer.testing import CliRunner

from strictpy.api.cli import app
from strictpy.domain.containers.compliant_files import (
    compliant_compose,
    compliant_dockerfile,
    compliant_dockerignore,
    compliant_gitignore,
)
from strictpy.domain.project import ProjectContext
from strictpy.domain.project_registry import PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)

SP9_RULES = tuple(rule for rule in PROJECT_RULES if rule.CODE.startswith("SP9"))

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
REPOSITORY = Path(__file__).parents[2]
CONTAINER_FILES = ("Dockerfile", ".gitignore", ".dockerignore")


def _findings(root: Path, select: str) -> list[tuple[str, str, int | None]]:
    """Run ``strictpy check --format json`` and list (path, code, line).

    Args:
        root: The project folder.
        select: The ``--select`` value.

    Returns:
        The findings, in output order.
    """
    result = RUNNER.invoke(
        app, ["check", "--format", "json", "--no-ruff", "--select", select, str(root)]
    )
    document = json.loads(result.stdout)
    return [(f["path"], f["code"], f["line"]) for f in document["findings"]]


def _write(root: Path, files: dict[str, bytes]) -> None:
    """Write raw files under a root.

    Args:
        root: The folder.
        files: Relative path to bytes.
    """
    for name, data in files.items():
        (root / name).write_bytes(data)


def test_bad_inputs_are_one_sp000_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BuildKit error, non-YAML compose and binary .gitignore: one SP000 each.

    The other inputs are still checked, and the selection of SP9 rules does
    not change how often SP000 appears.

    Args:
        tmp_path: A fresh project folder.
        monkeypatch: Changes the working directory.
    """
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "Dockerfile": b"FROM python:3.13-slim AS builder\nFROOM x\n",
            "compose.yaml": b"services:\n  app: [\n",
            ".gitignore": b"*.pyc\n\x00\xff\xfe\n",
            ".dockerignore": b".git\n",
            "app.py": b'"""Fine."""\n',
        },
    )
    expected_sp000 = [
        (".gitignore", "SP000", 2),
        ("Dockerfile", "SP000", 2),
        ("compose.yaml", "SP000", 2),
    ]
    everything = _findings(tmp_path, "SP000,SP9")
    assert [f for f in everything if f[1] == "SP000"] == expected_sp000
    assert {f[0] for f in everything if f[1] != "SP000"} == {".dockerignore"}
    assert "SP921" in {f[1] for f in everything}
    only_engine = _findings(tmp_path, "SP000")
    assert only_engine == expected_sp000
    assert [f for f in _findings(tmp_path, "SP901,SP000") if f[1] == "SP000"] == (
        expected_sp000
    )
    assert _findings(tmp_path, "SP9") == [f for f in everything if f[1] != "SP000"]


def test_compliant_container_files_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compliant Dockerfile, compose and ignore files give no SP9 finding.

    Args:
        tmp_path: A fresh project folder.
        monkeypatch: Changes the working directory.
    """
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "Dockerfile": compliant_dockerfile("app").encode(),
            "compose.yaml": compliant_compose().encode(),
            ".gitignore": compliant_gitignore().encode(),
            ".dockerignore": compliant_dockerignore().encode(),
        },
    )
    assert _findings(tmp_path, "SP000,SP9") == []


def test_repository_container_files_pass() -> None:
    """strictpy's own Dockerfile, .gitignore and .dockerignore satisfy SP9."""
    texts = {
        name: (REPOSITORY / name).read_text(encoding="utf-8")
        for name in CONTAINER_FILES
    }
    context = ProjectContext(package="strictpy", texts=MappingProxyType(texts))
    assert container_parse_errors(context) == ()
    assert [f.message for rule in SP9_RULES for f in rule().check(context)] == []
