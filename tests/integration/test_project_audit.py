"""The project-level audit end to end: a compliant project, then one break per rule.

Each project is written into ``tmp_path`` and audited like ``strictpy check .``
does it (``run_audit`` on the project folder), with only the rule under test
selected; the test compares the exact (code, path, line) of every finding.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from strictpy.adapters import ruff_runner
from strictpy.api.cli import app
from strictpy.services.audit import AuditRequest, run_audit
from tests.integration.compliant_project import compliant_project, write_project

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_mock import MockerFixture

pytestmark = pytest.mark.integration

RUNNER = CliRunner()
EXIT_ERROR = 2
BASE = compliant_project()
PYPROJECT = BASE["pyproject.toml"]
SRC = "src/shop"


def _line(text: str, start: str) -> int:
    """Return the 1-based line of the first line of a text starting with a prefix.

    Args:
        text: The text.
        start: The line's beginning.

    Returns:
        The line number.
    """
    return next(
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.startswith(start)
    )


def _audit(root: Path, select: str) -> list[tuple[str, str, int | None]]:
    """Audit a project folder with some codes selected.

    Args:
        root: The project folder.
        select: Comma-separated codes.

    Returns:
        (code, path, line) of every finding, in report order.
    """
    request = AuditRequest((".",), {"select": tuple(select.split(","))}, jobs=1)
    report = run_audit(request, root)
    return [(f.code, f.path, f.line) for f in report.findings]


def test_compliant_project_has_no_findings(tmp_path: Path) -> None:
    """Every rule, Ruff included, is silent on the compliant project.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    write_project(tmp_path, BASE, git=True)
    result = RUNNER.invoke(app, ["check", "--format", "json", str(tmp_path)])
    document = json.loads(result.stdout)
    assert document["findings"] == []
    assert result.exit_code == 0
    assert document["summary"]["files_checked"] == sum(
        1 for path in BASE if path.endswith(".py")
    )


CONFIG_NO_LEVEL = BASE[f"{SRC}/config.py"].replace(
    '    log_level: Literal["DEBUG", "INFO", "WARNING"] = "INFO"\n',
    "    debug: bool = False\n",
)
LOGGING_BASIC = '"""Logging."""\n\nimport logging\n\nlogging.basicConfig()\n'
MAIN_ASYNC = (
    '"""Entry point."""\n\nimport asyncio\n\nfrom shop.api.cli import main\n\n'
    'if __name__ == "__main__":\n    asyncio.run(main())\n'
)
APP = '"""HTTP app."""\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n'
ERRORS = '"""Errors."""\n\n\nclass Boom(ValueError):\n    """Boom."""\n'
DEPENDENCY_LINE = _line(PYPROJECT, "dependencies = ")


def _with_dependency(requirement: str) -> str:
    """Return the pyproject with one more runtime dependency.

    Args:
        requirement: The requirement string.

    Returns:
        The pyproject's text.
    """
    return PYPROJECT.replace(
        '"pydantic-settings>=1.0"]', f'"pydantic-settings>=1.0", "{requirement}"]'
    )


CASES = (
    pytest.param(
        "SP406",
        {f"{SRC}/domain/errors.py": ERRORS},
        [(f"{SRC}/domain/errors.py", 4)],
        id="SP406",
    ),
    pytest.param(
        "SP407",
        {
            f"{SRC}/exceptions.py": BASE[f"{SRC}/exceptions.py"].split(
                "\n\nclass ConfigurationError"
            )[0]
        },
        [(f"{SRC}/exceptions.py", None)],
        id="SP407",
    ),
    pytest.param(
        "SP408",
        {f"{SRC}/logging.py": LOGGING_BASIC},
        [(f"{SRC}/logging.py", None), (f"{SRC}/logging.py", None)],
        id="SP408",
    ),
    pytest.param(
        "SP409",
        {f"{SRC}/config.py": CONFIG_NO_LEVEL},
        [(f"{SRC}/config.py", _line(CONFIG_NO_LEVEL, "class Settings"))],
        id="SP409",
    ),
    pytest.param(
        "SP505",
        {".env.example": "SHOP_LOG_LEVEL=INFO\nSHOP_API_TOKEN=abc123\n"},
        [(".env.example", 2)],
        id="SP505",
    ),
    pytest.param(
        "SP507",
        {".env.example": "SHOP_LOG_LEVEL=INFO\nSHOP_DEBUG=1\n"},
        [(".env.example", 2)],
        id="SP507",
    ),
    pytest.param(
        "SP605",
        {f"{SRC}/__main__.py": MAIN_ASYNC},
        [(f"{SRC}/__main__.py", 8)],
        id="SP605",
    ),
    pytest.param(
        "SP701",
        {f"{SRC}/__init__.py": None},
        [(f"{SRC}/__init__.py", None)],
        id="SP701",
    ),
    pytest.param(
        "SP702", {f"{SRC}/logging.py": None}, [(f"{SRC}/logging.py", None)], id="SP702"
    ),
    pytest.param(
        "SP703",
        {f"{SRC}/utils/__init__.py": None},
        [(f"{SRC}/utils/__init__.py", None)],
        id="SP703",
    ),
    pytest.param(
        "SP704",
        {"tests/integration/__init__.py": None},
        [("tests/integration/__init__.py", None)],
        id="SP704",
    ),
    pytest.param("SP705", {"README.md": None}, [("README.md", None)], id="SP705"),
    pytest.param(
        "SP707",
        {f"{SRC}/config.py": BASE[f"{SRC}/config.py"].replace(', env_file=".env"', "")},
        [(f"{SRC}/config.py", _line(BASE[f"{SRC}/config.py"], "class Settings"))],
        id="SP707",
    ),
    pytest.param(
        "SP708",
        {
            f"{SRC}/__main__.py": '"""Entry point."""\n\nfrom shop.api.cli import main\n\nmain()\n'
        },
        [(f"{SRC}/__main__.py", None)],
        id="SP708",
    ),
    pytest.param(
        "SP710",
        {f"{SRC}/services/orders.py": '"""Orders."""\n'},
        [(f"{SRC}/services/orders.py", None)],
        id="SP710",
    ),
    pytest.param(
        "SP713",
        {"pyproject.toml": _with_dependency("sqlalchemy>=2")},
        [("alembic.ini", None)],
        id="SP713",
    ),
    pytest.param(
        "SP715",
        {
            "pyproject.toml": _with_dependency("fastapi>=0.115"),
            f"{SRC}/api/app.py": APP,
        },
        [(f"{SRC}/api/app.py", 5)],
        id="SP715",
    ),
    pytest.param(
        "SP801",
        {"pyproject.toml": PYPROJECT.replace("line-length = 88", "line-length = 100")},
        [("pyproject.toml", _line(PYPROJECT, "line-length = 88"))],
        id="SP801",
    ),
    pytest.param(
        "SP802",
        {"pyproject.toml": PYPROJECT.replace('    "-ra",\n', "")},
        [("pyproject.toml", _line(PYPROJECT, "addopts = ["))],
        id="SP802",
    ),
    pytest.param(
        "SP803",
        {"pyproject.toml": PYPROJECT.replace('">=3.13"', '">=3.12"', 1)},
        [("pyproject.toml", _line(PYPROJECT, "requires-python"))],
        id="SP803",
    ),
    pytest.param(
        "SP804",
        {
            "pyproject.toml": PYPROJECT.replace(
                'description = "A compliant example service."\n', ""
            )
        },
        [("pyproject.toml", 1)],
        id="SP804",
    ),
    pytest.param(
        "SP805",
        {"pyproject.toml": PYPROJECT.replace('["pydantic-settings>=1.0"]', "[]")},
        [("pyproject.toml", DEPENDENCY_LINE)],
        id="SP805",
    ),
    pytest.param(
        "SP806",
        {"pyproject.toml": PYPROJECT.replace(', "ruff>=1.0"]', "]")},
        [("pyproject.toml", _line(PYPROJECT, "dev = "))],
        id="SP806",
    ),
    pytest.param(
        "SP807",
        {
            "pyproject.toml": PYPROJECT.replace(
                '"pydantic-settings>=1.0"', '"pydantic-settings>=2.0"'
            )
        },
        [("uv.lock", None)],
        id="SP807",
    ),
    pytest.param(
        "SP808",
        {"pyproject.toml": _with_dependency("requests>=2")},
        [("pyproject.toml", DEPENDENCY_LINE)],
        id="SP808",
    ),
    pytest.param(
        "SP810",
        {"requirements.txt": "requests\n"},
        [("requirements.txt", None)],
        id="SP810",
    ),
    pytest.param(
        "SP811",
        {
            ".flake8": "[flake8]\n",
            "pyproject.toml": PYPROJECT + "\n[tool.black]\nline-length = 88\n",
        },
        [
            (".flake8", None),
            ("pyproject.toml", _line(PYPROJECT + "\n[tool.black]\n", "[tool.black]")),
        ],
        id="SP811",
    ),
)


@pytest.mark.parametrize(("code", "changes", "expected"), CASES)
def test_one_break_per_rule(
    tmp_path: Path,
    code: str,
    changes: dict[str, str | None],
    expected: list[tuple[str, int | None]],
) -> None:
    """One change to the compliant project yields exactly the rule's findings.

    Args:
        tmp_path: The project folder.
        code: The rule under test.
        changes: Files to replace (None deletes).
        expected: (path, line) of each expected finding.
    """
    write_project(tmp_path, {**BASE, **changes})
    assert _audit(tmp_path, code) == [(code, path, line) for path, line in expected]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to track .env")
def test_committed_env_file(tmp_path: Path) -> None:
    """SP504: a force-added .env is tracked although .gitignore lists it.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    write_project(tmp_path, {**BASE, ".env": "SHOP_LOG_LEVEL=DEBUG\n"}, git=True)
    assert _audit(tmp_path, "SP504") == []
    subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [str(shutil.which("git")), "add", "-f", ".env"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert _audit(tmp_path, "SP504") == [("SP504", ".env", None)]


def test_ruff_findings_keep_ruff_codes(tmp_path: Path) -> None:
    """SP812/SP813: Ruff's own codes and lines, source ruff; --no-ruff drops them.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    cli = BASE[f"{SRC}/api/cli.py"].replace(
        "import logging\n", "import logging\nimport os\n"
    )
    values = '"""Values."""\n\nX=1\n'
    write_project(
        tmp_path, {**BASE, f"{SRC}/api/cli.py": cli, f"{SRC}/domain/values.py": values}
    )
    assert _audit(tmp_path, "SP812,SP813") == [
        ("F401", f"{SRC}/api/cli.py", 4),
        ("SP813", f"{SRC}/domain/values.py", 3),
    ]
    result = RUNNER.invoke(
        app, ["check", "--format", "json", "--select", "SP8", str(tmp_path)]
    )
    sources = {(f["code"], f["source"]) for f in json.loads(result.stdout)["findings"]}
    assert sources == {("F401", "ruff"), ("SP813", "ruff")}
    quiet = RUNNER.invoke(app, ["check", "--no-ruff", "--select", "SP8", str(tmp_path)])
    assert quiet.exit_code == 0
    write_project(
        tmp_path, {"pyproject.toml": PYPROJECT + "\n[tool.strictpy]\nruff = false\n"}
    )
    assert _audit(tmp_path, "SP812,SP813") == []


def test_missing_ruff_is_reported_once(tmp_path: Path, mocker: MockerFixture) -> None:
    """Without ruff: one warning and the other rules' result; exit 2 if asked for.

    Args:
        tmp_path: A temporary folder (the project root).
        mocker: pytest-mock's fixture.
    """
    mocker.patch.object(ruff_runner, "find_ruff", return_value=None)
    write_project(tmp_path, BASE)
    result = RUNNER.invoke(
        app, ["check", "--format", "concise", str(tmp_path), str(tmp_path / "src")]
    )
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "ruff executable was not found" in warnings[0]
    explicit = RUNNER.invoke(app, ["check", "--select", "SP812", str(tmp_path)])
    assert explicit.exit_code == EXIT_ERROR
    assert explicit.stderr.strip().splitlines() == [
        "strictpy: error: the ruff executable was not found"
    ]


def test_malformed_pyproject_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    """Invalid TOML in pyproject.toml is a configuration error: one line, exit 2.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    write_project(
        tmp_path, {**BASE, "pyproject.toml": '[project]\nname = "shop"\nname = 1\n'}
    )
    result = RUNNER.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == EXIT_ERROR
    (line,) = result.stderr.strip().splitlines()
    assert "pyproject.toml" in line
    assert "line 3" in line
    assert "Traceback" not in result.output


def test_malformed_lock_and_env_template_are_findings(tmp_path: Path) -> None:
    """Broken uv.lock and .env.example are findings, never crashes.

    Args:
        tmp_path: A temporary folder (the project root).
    """
    changes = {
        "uv.lock": 'version = 1\n\n[[package]]\nname = "shop\n',
        ".env.example": "SHOP_LOG_LEVEL=INFO\nthis is not an entry\n",
    }
    write_project(tmp_path, {**BASE, **changes})
    assert _audit(tmp_path, "SP505,SP507,SP807") == [
        ("SP505", ".env.example", 2),
        ("SP807", "uv.lock", 4),
    ]
