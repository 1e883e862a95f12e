"""Global fixtures and helpers: run rules on source text and on fixture files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.findings import sort_key
from strictpy.domain.project import ProjectContext
from strictpy.domain.registry import BY_CODE, CODES
from strictpy.domain.rule import ProjectRule
from strictpy.domain.rule_catalog import FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import check_file
from strictpy.services.file_plan import FilePlan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from strictpy.domain.findings import Finding

FIXTURES = Path(__file__).parent / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
EXPECT = re.compile(r"#\s*expect(?:-line\s+(?P<line>\d+))?:\s*(?P<codes>[A-Z0-9, ]+)")
PATH_HEADER = re.compile(r"^#\s*path:\s*(?P<path>\S+)", re.MULTILINE)
PACKAGE_HEADER = re.compile(r"^#\s*package:\s*(?P<package>\S+)", re.MULTILINE)
SELECT_HEADER = re.compile(r"^#\s*select:\s*(?P<codes>\S+)", re.MULTILINE)
DEFAULT_PATH = "src/app/services/example.py"


def _default_options(package: str | None) -> RuleOptions:
    """Return the options of a project that declares no dependency but itself.

    Args:
        package: The project's import package.

    Returns:
        Options where only the package counts as declared (SP809).
    """
    declared = frozenset({package}) if package else None
    return RuleOptions(package=package, declared_modules=declared)


def run_source(
    source: str,
    *,
    select: Iterable[str] | None = None,
    path: str = DEFAULT_PATH,
    package: str | None = "app",
    options: RuleOptions | None = None,
) -> list[Finding]:
    """Run file rules on source text through the real engine.

    Args:
        source: Python source.
        select: Codes or prefixes to enable (default: every file rule).
        path: The project-relative path the source pretends to have.
        package: The project's import package.
        options: Rule options (default: ``package``, declaring nothing else).

    Returns:
        The findings, sorted by line and column.
    """
    selection = Selection.build(
        CODES,
        select=tuple(select) if select is not None else None,
        extend_select=(),
        ignore=(),
        per_file_ignores={},
    )
    plan = FilePlan(
        codes=tuple(code for code in FILE_CODES if code in selection.enabled),
        selection=selection,
        options=options or _default_options(package),
        collect_facts=False,
    )
    result = check_file(path, source.encode("utf-8"), plan)
    return sorted(
        result.findings,
        key=lambda f: (f.line or 0, f.span.column if f.span else 0, f.code),
    )


def expectations(source: str) -> set[tuple[int, str]]:
    """Read ``# expect: CODE`` and ``# expect-line N: CODE`` markers.

    Args:
        source: A fixture's text.

    Returns:
        (line, code) pairs the fixture expects.
    """
    expected: set[tuple[int, str]] = set()
    for number, line in enumerate(source.splitlines(), start=1):
        for match in EXPECT.finditer(line):
            target = int(match["line"]) if match["line"] else number
            for code in match["codes"].replace(" ", "").split(","):
                if code:
                    expected.add((target, code))
    return expected


def fixture_files(code: str) -> list[Path]:
    """Return the fixture files of a rule code (``SP404.py``, ``SP404_*.py``).

    Args:
        code: The rule code.

    Returns:
        The files, sorted.
    """
    return sorted(RULE_FIXTURES.glob(f"*/{code}.py*")) + sorted(
        RULE_FIXTURES.glob(f"*/{code}_*.py*")
    )


def assert_fixture(code: str) -> None:
    """Check that a rule reports exactly the marked lines of its fixture files.

    A fixture may start with ``# path: src/app/domain/x.py`` (where it pretends
    to live), ``# package: app`` and ``# select: SP002,SP102`` (the codes to run;
    only ``code``'s findings are compared).

    Args:
        code: The rule code.
    """
    files = fixture_files(code)
    assert files, f"no fixture file for {code}"
    assert code in BY_CODE
    for fixture in files:
        source = fixture.read_text(encoding="utf-8")
        header = PATH_HEADER.search(source)
        path = header["path"] if header else DEFAULT_PATH
        if fixture.suffix == ".pyi" and not header:
            path = path.removesuffix(".py") + ".pyi"
        package_header = PACKAGE_HEADER.search(source)
        package = package_header["package"] if package_header else "app"
        select_header = SELECT_HEADER.search(source)
        select = select_header["codes"].split(",") if select_header else [code]
        findings = run_source(source, select=select, path=path, package=package)
        found = {(f.line or 0, f.code) for f in findings if f.code == code}
        expected = {pair for pair in expectations(source) if pair[1] == code}
        assert found == expected, (
            f"{fixture.name}: missing {sorted(expected - found)}, "
            f"unexpected {sorted(found - expected)}"
        )


def run_project_rule(
    code: str,
    texts: Mapping[str, str],
    *,
    package: str | None = "app",
    existing: Iterable[str] = (),
) -> list[Finding]:
    """Run one project rule on a project made of project-level file texts.

    Args:
        code: The project rule's code.
        texts: Project-level file texts by path (``Dockerfile``, ``.gitignore``...).
        package: The project's import package.
        existing: Further paths that exist (the texts' paths always do).

    Returns:
        The rule's findings, sorted by path, line and code.
    """
    rule = BY_CODE[code]
    assert issubclass(rule, ProjectRule), f"{code} is not a project rule"
    context = ProjectContext(
        package=package,
        texts=MappingProxyType(dict(texts)),
        existing=frozenset(existing) | frozenset(texts),
    )
    return sorted(rule().check(context), key=sort_key)


@pytest.fixture
def source_runner() -> object:
    """Provide ``run_source`` to tests that prefer a fixture.

    Returns:
        The ``run_source`` function.
    """
    return run_source


def run_fresh(script: str, stdin: bytes = b"") -> str:
    """Run a Python script in a fresh interpreter (what it imports is its own).

    Args:
        script: The Python source.
        stdin: Bytes for its standard input.

    Returns:
        Its standard output.
    """
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        input=stdin,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return completed.stdout.decode()
