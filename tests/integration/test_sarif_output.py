"""``--format sarif`` against the official SARIF 2.1.0 schema and GitHub's rules.

The schema is OASIS's ``sarif-schema-2.1.0.json`` (errata 01), shipped as test
data in ``tests/fixtures/sarif``; the test never reaches the network.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator
from typer.testing import CliRunner

from strictpy import __version__
from strictpy.api.cli import app
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
SCHEMA_PATH = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
# Object definitions in the SARIF 2.1.0 schema (errata 01).
SARIF_DEFINITIONS = 52
PYPROJECT = '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.13"\n'
DIRTY = 'import os\n\n\ndef run(x):\n    """Run.\n\n    Args:\n        x: A value.\n    """\n    pass\n'
BROKEN = "def broken(:\n    return 1\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write a small broken project and enter it.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: pytest's monkeypatch fixture.

    Returns:
        The project root.
    """
    package = tmp_path / "src" / "demo"
    package.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (package / "__init__.py").write_text('"""Demo."""\n', encoding="utf-8")
    (package / "core.py").write_text(DIRTY, encoding="utf-8")
    (package / "broken.py").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*arguments: str) -> tuple[int, dict[str, object]]:
    """Run ``strictpy check`` uncached in the current folder and parse stdout.

    Args:
        *arguments: The format option and any extra options.

    Returns:
        The exit code and the parsed document.
    """
    result = RUNNER.invoke(app, ["check", "--no-cache", "--jobs", "1", *arguments])
    return result.exit_code, json.loads(result.stdout)


def _sarif() -> dict[str, object]:
    """Return the SARIF log of the current folder.

    Returns:
        The parsed log (the run must have exited 1).
    """
    exit_code, document = _run("--format", "sarif")
    assert exit_code == 1
    return document


def test_shipped_schema_is_the_official_one() -> None:
    """The test data is OASIS's final 2.1.0 schema and a valid draft-04 schema."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(schema["definitions"]) == SARIF_DEFINITIONS


@pytest.mark.usefixtures("project")
def test_log_validates_against_sarif_schema() -> None:
    """File, whole-file, project, ruff and SP000 findings all validate."""
    log = _sarif()
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = sorted(
        Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path)
    )
    assert not errors, "\n".join(
        f"{'/'.join(map(str, error.path))}: {error.message}" for error in errors[:10]
    )
    (run,) = log["runs"]
    results = run["results"]
    regions = [r["locations"][0]["physicalLocation"].get("region") for r in results]
    assert any(region is None for region in regions), "no whole-file finding"
    assert any(region is not None for region in regions), "no positioned finding"
    codes = {result["ruleId"] for result in results}
    assert {"SP000", "SP102", "SP202", "F401", "SP705"} <= codes


@pytest.mark.usefixtures("project")
def test_log_follows_github_code_scanning_rules() -> None:
    """Relative URIs under %SRCROOT%, consistent rule indexes, usable rules."""
    log = _sarif()
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "strictpy"
    assert driver["version"] == __version__
    assert SOURCE_ROOT in run["originalUriBaseIds"]
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        help_uri = urlsplit(rule["helpUri"])
        assert help_uri.scheme == "https", rule
        assert help_uri.netloc, rule
        assert rule["shortDescription"]["text"], rule
        if rule["id"].startswith("SP"):
            assert rule["name"], rule
            assert rule["fullDescription"]["text"], rule
            assert rule["helpUri"].endswith("#" + rule["id"].lower())
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert result["level"] in {"error", "warning"}
        assert result["partialFingerprints"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == SOURCE_ROOT
        uri = artifact["uri"]
        assert not urlsplit(uri).scheme, uri
        assert not uri.startswith("/"), uri
        assert "\\" not in uri, uri
        assert ".." not in uri.split("/"), uri
        region = location["physicalLocation"].get("region")
        if region is not None:
            assert region["startLine"] <= region["endLine"]
            if region["startLine"] == region["endLine"]:
                assert region["endColumn"] > region["startColumn"]


@pytest.mark.usefixtures("project")
def test_sarif_and_json_report_the_same_findings() -> None:
    """The SARIF results are the JSON findings, in the same order."""
    sarif_log = _sarif()
    exit_code, document = _run("--format", "json")
    assert exit_code == 1
    from_json = [
        (f["code"], f["path"], f["line"], f["column"]) for f in document["findings"]
    ]
    from_sarif = []
    for result in sarif_log["runs"][0]["results"]:
        physical = result["locations"][0]["physicalLocation"]
        region = physical.get("region", {})
        from_sarif.append(
            (
                result["ruleId"],
                physical["artifactLocation"]["uri"],
                region.get("startLine"),
                region.get("startColumn"),
            )
        )
    assert from_sarif == from_json


def test_clean_folder_is_a_valid_empty_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No findings still give one run with an empty results array.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: pytest's monkeypatch fixture.
    """
    (tmp_path / "clean.py").write_text('"""Clean."""\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exit_code, log = _run("--format", "sarif", "--select", "SP1", "clean.py")
    assert exit_code == 0
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft4Validator(schema).validate(log)
    (run,) = log["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []
