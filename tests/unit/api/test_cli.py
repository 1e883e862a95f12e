"""Tests for the command line: exit codes, formats, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy import __version__
from strictpy.api import cli
from strictpy.api.cli import app

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

RUNNER = CliRunner()
EXIT_FINDINGS = 1
EXIT_ERROR = 2
FINDINGS_IN_PROJECT = 2
DIRTY = '"""Dirty."""\n\n\ndef run():\n    """Run."""\n    pass\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Create a small project and enter it.

    Args:
        tmp_path: pytest's temporary folder.
        monkeypatch: pytest's monkeypatch fixture.

    Returns:
        The project root.
    """
    (tmp_path / "pyproject.toml").write_text(
        "[tool.strictpy]\nselect = ['SP1', 'SP2']\n", encoding="utf-8"
    )
    (tmp_path / "mod.py").write_text(DIRTY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_version() -> None:
    """--version prints the version and exits 0."""
    result = RUNNER.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.usefixtures("project")
def test_concise_output_and_exit_one() -> None:
    """Findings exit 1; concise prints path:line:col: CODE message."""
    result = RUNNER.invoke(app, ["check", "--format", "concise"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "mod.py:4:1: SP202 Function 'run' has no return annotation",
        "mod.py:6:5: SP102 'pass' is a placeholder body",
    ]


@pytest.mark.usefixtures("project")
def test_exit_zero_statistics_and_quiet() -> None:
    """--exit-zero, --statistics and --quiet behave like ruff's."""
    result = RUNNER.invoke(app, ["check", "--exit-zero", "--statistics"])
    assert result.exit_code == 0
    assert "1 SP102 pass-statement" in result.output
    quiet = RUNNER.invoke(app, ["check", "--quiet"])
    assert quiet.exit_code == 1
    assert quiet.output == ""


def test_output_file_and_json(project: Path) -> None:
    """--output-file receives the JSON document.

    Args:
        project: A small project folder, the working directory.
    """
    target = project / "report.json"
    result = RUNNER.invoke(
        app, ["check", "--format", "json", "--output-file", str(target)]
    )
    assert result.exit_code == 1
    assert (
        json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"]
        == FINDINGS_IN_PROJECT
    )


@pytest.mark.usefixtures("project")
def test_rich_output_has_frames_and_summary() -> None:
    """The rich format groups by file, shows a code frame and a summary."""
    result = RUNNER.invoke(app, ["check", "--format", "rich"])
    assert "mod.py" in result.output
    assert "> 6 |     pass" in result.output
    assert "Found 2 findings in 1 files checked." in result.output


@pytest.mark.usefixtures("project")
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["check", "--select", "SP999"], "unknown rule code 'SP999' in 'select'"),
        (["check", "missing_folder"], "path not found: missing_folder"),
        (["rule", "SP998"], "unknown rule code 'SP998'"),
    ],
)
def test_errors_are_one_line_exit_two(arguments: list[str], message: str) -> None:
    """Usage errors exit 2 with one line on stderr and no traceback.

    Args:
        arguments: The command line.
        message: What the error line must say.
    """
    result = RUNNER.invoke(app, arguments)
    assert result.exit_code == EXIT_ERROR
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_clean_tree_exits_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No findings exit 0 with a success line.

    Args:
        tmp_path: A temporary folder for the test's files.
        monkeypatch: Patches the environment and working directory for the test.
    """
    (tmp_path / "ok.py").write_text('"""Ok."""\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = RUNNER.invoke(app, ["check", "--select", "SP1"])
    assert result.exit_code == 0
    assert "All checks passed" in result.output


def test_rules_and_rule_commands() -> None:
    """rules lists every rule as JSON; rule CODE shows the explanation."""
    listing = json.loads(RUNNER.invoke(app, ["rules", "--format", "json"]).output)
    assert listing["version"] == 1
    assert listing["rules"][0]["code"] == "SP000"
    page = RUNNER.invoke(app, ["rule", "SP102"]).output
    assert "SP102 pass-statement" in page
    assert "**Bad:**" in page
    markdown = RUNNER.invoke(app, ["rules", "--format", "markdown"]).output
    assert markdown.startswith("# strictpy rules")
    assert "pass-statement" in RUNNER.invoke(app, ["rules"]).output


def test_python_dash_m_matches_console_script(project: Path) -> None:
    """python -m strictpy behaves like strictpy, and a crash is one line, exit 2.

    Args:
        project: A small project folder with one finding.
    """
    completed = subprocess.run(
        [sys.executable, "-m", "strictpy", "check", "--format", "concise"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.startswith("mod.py:4:1: SP202")


def test_internal_error_is_one_line(project: Path) -> None:
    """An unexpected exception becomes one stderr line and exit 2.

    Args:
        project: A small project folder, the working directory.
    """
    code = (
        "import sys; from strictpy.api import check_command, cli; "
        "check_command.run_audit = lambda *a, **k: 1 / 0; "
        "sys.argv = ['strictpy', 'check', '--no-cache']; cli.main()"
    )
    completed = subprocess.run(  # noqa: S603 - the test's own interpreter and code
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == EXIT_ERROR
    assert completed.stderr.strip().splitlines() == [
        "strictpy: internal error (ZeroDivisionError); rerun with STRICTPY_DEBUG=1 for details"
    ]


def test_main_freezes_the_collector_before_and_after_the_run(
    mocker: MockerFixture,
) -> None:
    """Imported modules and what the run leaves alive are frozen, even on exit.

    Args:
        mocker: Replaces the collector's freeze and the command.
    """
    events: list[str] = []
    mocker.patch.object(cli.gc, "freeze", side_effect=lambda: events.append("freeze"))

    def command(prog_name: str) -> None:
        """Stand in for the command line, which always ends with SystemExit.

        Args:
            prog_name: The program name shown in help.

        Raises:
            SystemExit: Always, like click's standalone mode.
        """
        events.append(prog_name)
        raise SystemExit(0)

    mocker.patch.object(cli.typer.main, "get_command", return_value=command)
    mocker.patch.object(cli.sys, "excepthook")
    with pytest.raises(SystemExit):
        cli.main()
    assert events == ["freeze", "strictpy", "freeze"]
