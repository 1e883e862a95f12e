"""The JSON document on a folder of fixture files, checked field by field."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy import __version__
from strictpy.api.cli import app
from tests.conftest import RULE_FIXTURES

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

FINDING_KEYS = (
    "code",
    "name",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "fixable",
    "source",
)


def test_json_document_on_fixture_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every documented field is present, typed and consistent.

    Without a pyproject.toml the folder given is the root, so paths are relative
    to it.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    fixtures = tmp_path / "fixtures"
    shutil.copytree(RULE_FIXTURES / "sp1_placeholders", fixtures / "placeholders")
    shutil.copytree(RULE_FIXTURES / "sp2_typing", fixtures / "typing")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["check", "fixtures", "--format", "json", "--select", "SP1,SP2"]
    )
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == ["version", "tool", "summary", "findings"]
    assert document["version"] == 1
    assert document["tool"] == {"name": "strictpy", "version": __version__}
    summary = document["summary"]
    assert list(summary) == ["files_checked", "findings", "fixed", "by_code"]
    assert summary["files_checked"] == len(list(fixtures.rglob("*.py*")))
    assert summary["findings"] == len(document["findings"])
    assert summary["fixed"] == 0
    assert sum(summary["by_code"].values()) == summary["findings"]
    assert list(summary["by_code"]) == sorted(summary["by_code"])
    findings = document["findings"]
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys)
    for finding in findings:
        assert tuple(finding) == FINDING_KEYS
        assert finding["code"].startswith("SP")
        assert finding["path"].startswith(("placeholders/", "typing/"))
        assert "\\" not in finding["path"]
        assert finding["line"] >= 1
        assert finding["column"] >= 1
        assert finding["end_line"] >= finding["line"]
        assert finding["severity"] == "error"
        assert finding["source"] == "strictpy"
        assert isinstance(finding["fixable"], bool)
        assert finding["message"]
    first_todo = next(f for f in findings if f["code"] == "SP101")
    assert first_todo["name"] == "todo-comment"
    assert first_todo["path"] == "placeholders/SP101.py"
    assert (first_todo["line"], first_todo["column"]) == (3, 12)
