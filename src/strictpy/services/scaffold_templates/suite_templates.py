"""Templates of the scaffold's test suite (ruleset 1, 3.3): one test module per module.

Unit tests isolate the process environment (``environment`` fixture) and mock
external services with pytest-mock; the integration test runs the real entry
point and carries the ``integration`` marker.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CLI_RUN_TESTS",
    "CONFTEST",
    "TEST_CLI_ARGPARSE",
    "TEST_CLI_TYPER",
    "TEST_CONFIG",
    "TEST_ENTRY_POINT",
    "TEST_HEALTH_CHECKS",
    "TEST_HEALTH_REPORT",
    "TEST_PROBES",
]

CONFTEST = '''"""Global fixtures: a test environment isolated from the developer's machine."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from {{pkg}}.config import Settings

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Run in an empty folder (no ``.env``) with only the variables tests choose.

    Args:
        tmp_path: A fresh folder for the test.
        monkeypatch: Pytest's patcher, which undoes every change afterwards.

    Returns:
        The variables set.
    """
    monkeypatch.chdir(tmp_path)
    variables = {
        "{{prefix}}LOG_LEVEL": "DEBUG",
{{env_entries}}    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return variables


@pytest.fixture
def settings(environment: dict[str, str]) -> Settings:
    """Provide the settings read from the test environment.

    Args:
        environment: The test environment.

    Returns:
        The settings.
    """
    del environment
    return Settings()
'''

TEST_CONFIG = '''"""Tests for the settings."""

from __future__ import annotations

import pytest

from {{pkg}}.config import Settings


def test_settings_read_the_environment(settings: Settings) -> None:
    """Variables with the ``{{prefix}}`` prefix reach the settings.

    Args:
        settings: Settings read from the test environment.
    """
    assert settings.log_level == "DEBUG"


@pytest.mark.usefixtures("environment")
def test_log_level_defaults_to_info(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the variable, the level is INFO.

    Args:
        monkeypatch: Pytest's patcher.
    """
    monkeypatch.delenv("{{prefix}}LOG_LEVEL")
    assert Settings().log_level == "INFO"
'''

TEST_HEALTH_REPORT = '''"""Tests for the health report."""

from types import MappingProxyType

from {{pkg}}.domain.health_report import OK, HealthReport


def test_all_checks_ok_is_healthy() -> None:
    """Every check ``ok`` makes the report healthy."""
    report = HealthReport(MappingProxyType({"app": OK}))
    assert report.as_dict() == {"status": "healthy", "checks": {"app": "ok"}}


def test_one_error_is_unhealthy() -> None:
    """A single failing check makes the report unhealthy."""
    report = HealthReport(MappingProxyType({"app": OK, "db": "error: Timeout"}))
    assert not report.healthy
    assert report.as_dict()["status"] == "unhealthy"
'''

TEST_HEALTH_CHECKS = '''"""Tests for the health checks service."""

from {{pkg}}.domain.health_report import OK
from {{pkg}}.services.health_checks import check_health


def _ok() -> str:
    """Pass a check.

    Returns:
        ``ok``.
    """
    return OK


def _failing() -> str:
    """Fail a check.

    Returns:
        An error result.
    """
    return "error: ConnectionError"


def test_each_probe_runs_once() -> None:
    """The report holds one result per probe."""
    report = check_health({"app": _ok, "cache": _failing})
    assert dict(report.checks) == {"app": "ok", "cache": "error: ConnectionError"}
    assert not report.healthy
'''

TEST_PROBES = '''"""Tests for the health probes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from {{pkg}}.api.probes import build_probes

if TYPE_CHECKING:
    from {{pkg}}.config import Settings


def test_probes_cover_the_dependencies(settings: Settings) -> None:
    """There is one probe for the application and one per dependency.

    Args:
        settings: Settings read from the test environment.
    """
    probes = build_probes(settings)
    assert set(probes) == {{probe_names}}
    assert probes["app"]() == "ok"
'''

TEST_CLI_ARGPARSE = '''"""Tests for the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from {{pkg}}.api.cli import main

if TYPE_CHECKING:
    from pytest_mock import MockerFixture


def _probes(result: str) -> dict[str, object]:
    """Build probes that all report one result.

    Args:
        result: What every probe reports.

    Returns:
        Check name to probe.
    """
    return {"app": lambda: result}


@pytest.mark.usefixtures("environment")
def test_health_exit_status(mocker: MockerFixture) -> None:
    """``--health`` exits 0 when healthy and 1 otherwise.

    Args:
        mocker: Pytest-mock's patcher.
    """
    probes = mocker.patch("{{pkg}}.api.cli.build_probes", return_value=_probes("ok"))
    assert main(["--health"]) == 0
    probes.return_value = _probes("error: ConnectionError")
    assert main(["--health"]) == 1


@pytest.mark.usefixtures("environment")
def test_run(mocker: MockerFixture) -> None:
    """Without options the application runs and exits 0.

    Args:
        mocker: Pytest-mock's patcher.
    """
    mocker.patch("{{pkg}}.api.cli.build_probes", return_value=_probes("ok"))
{{cli_run_test}}'''

TEST_CLI_TYPER = '''"""Tests for the command line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from {{pkg}}.api.cli import app, main

if TYPE_CHECKING:
    from pytest_mock import MockerFixture

RUNNER = CliRunner()


def _probes(result: str) -> dict[str, object]:
    """Build probes that all report one result.

    Args:
        result: What every probe reports.

    Returns:
        Check name to probe.
    """
    return {"app": lambda: result}


@pytest.mark.usefixtures("environment")
def test_health_exit_status(mocker: MockerFixture) -> None:
    """``--health`` exits 0 when healthy and 1 otherwise.

    Args:
        mocker: Pytest-mock's patcher.
    """
    probes = mocker.patch("{{pkg}}.api.cli.build_probes", return_value=_probes("ok"))
    assert RUNNER.invoke(app, ["--health"]).exit_code == 0
    probes.return_value = _probes("error: ConnectionError")
    assert RUNNER.invoke(app, ["--health"]).exit_code == 1


@pytest.mark.usefixtures("environment")
def test_main_parses_the_process_arguments(
    mocker: MockerFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main`` reads ``sys.argv`` and exits with the command's status.

    Args:
        mocker: Pytest-mock's patcher.
        monkeypatch: Pytest's patcher.
    """
    mocker.patch("{{pkg}}.api.cli.build_probes", return_value=_probes("ok"))
    monkeypatch.setattr(sys, "argv", ["{{pkg}}", "--health"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 0


@pytest.mark.usefixtures("environment")
def test_run(mocker: MockerFixture) -> None:
    """Without options the application runs and exits 0.

    Args:
        mocker: Pytest-mock's patcher.
    """
    mocker.patch("{{pkg}}.api.cli.build_probes", return_value=_probes("ok"))
{{cli_run_test}}'''

# The body of test_run: (argparse, typer) by whether the variant serves HTTP.
CLI_RUN_TESTS = MappingProxyType(
    {
        ("argparse", False): "    assert main([]) == 0\n",
        ("argparse", True): (
            '    serve = mocker.patch("{{pkg}}.api.cli.serve")\n'
            "    assert main([]) == 0\n"
            "    serve.assert_called_once()\n"
        ),
        ("typer", False): "    assert RUNNER.invoke(app, []).exit_code == 0\n",
        ("typer", True): (
            '    serve = mocker.patch("{{pkg}}.api.cli.serve")\n'
            "    assert RUNNER.invoke(app, []).exit_code == 0\n"
            "    serve.assert_called_once()\n"
        ),
    }
)


TEST_ENTRY_POINT = '''"""End to end: ``python -m {{pkg}} --health`` through the real entry point."""

from __future__ import annotations

import runpy
import sys

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.usefixtures("environment")
def test_health_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module runs as a program and exits with the health status.

    Args:
        monkeypatch: Pytest's patcher.
    """
    monkeypatch.setattr(sys, "argv", ["{{pkg}}", "--health"])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("{{pkg}}", run_name="__main__")
    assert stopped.value.code == {{health_exit}}
'''
