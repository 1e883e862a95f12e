"""Fixture files for project rules on container inputs, with inline expectations.

A fixture is ``tests/fixtures/containers/<CODE>[_variant].<target>``: the target
names the project file it plays (``Dockerfile``, ``compose.yaml``,
``docker-compose.yml``, ``gitignore`` for ``.gitignore``, ``dockerignore`` for
``.dockerignore``). Markers, in comments:

- ``# expect: SP909`` on a line of its own expects the next line that is not a
  comment or blank (Dockerfiles allow no trailing comments); written after
  content (YAML), it expects that line. ``# expect-line N: CODE`` expects line N.
- ``# expect-missing: .env`` (ignore files) expects the entry to be reported.
- ``# ok`` marks a near miss; ``# package: name`` and ``# select: SP000,SP909``
  headers set the package and the codes to run (default: the fixture's code).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.project import ProjectContext
from strictpy.domain.registry import BY_CODE
from strictpy.domain.rule import ProjectRule
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from pathlib import Path

    from strictpy.domain.findings import Finding

__all__ = ["CONTAINER_FIXTURES", "assert_container_fixture", "container_fixture_files"]

CONTAINER_FIXTURES = FIXTURES / "containers"
TARGETS = (
    ("docker-compose.yml", "docker-compose.yml"),
    ("docker-compose.yaml", "docker-compose.yaml"),
    ("compose.yaml", "compose.yaml"),
    ("compose.yml", "compose.yml"),
    ("Dockerfile", "Dockerfile"),
    ("gitignore", ".gitignore"),
    ("dockerignore", ".dockerignore"),
)
EXPECT = re.compile(r"#\s*expect(?:-line\s+(?P<line>\d+))?:\s*(?P<codes>[A-Z0-9, ]+)")
MISSING = re.compile(r"^#\s*expect-missing:\s*(?P<entry>\S+)\s*$")
PACKAGE = re.compile(r"^#\s*package:\s*(?P<package>\S+)", re.MULTILINE)
SELECT = re.compile(r"^#\s*select:\s*(?P<codes>\S+)", re.MULTILINE)
ENTRY_MESSAGE = re.compile(r"lacks the entry '(?P<entry>.*)'$")


def container_fixture_files(code: str) -> list[Path]:
    """Return a rule's container fixtures (``SP909.Dockerfile``, ``SP909_x.*``).

    Args:
        code: The rule code.

    Returns:
        The fixture files, sorted.
    """
    return sorted(CONTAINER_FIXTURES.glob(f"{code}.*")) + sorted(
        CONTAINER_FIXTURES.glob(f"{code}_*")
    )


def target_path(fixture: Path) -> str:
    """Return the project path a fixture file plays.

    Args:
        fixture: The fixture file.

    Raises:
        ValueError: If the file name names no known target.

    Returns:
        ``Dockerfile``, ``compose.yaml``, ``.gitignore`` ...
    """
    for suffix, target in TARGETS:
        if fixture.name.endswith(f".{suffix}"):
            return target
    message = f"{fixture.name}: unknown container fixture target"
    raise ValueError(message)


def _is_comment(line: str) -> bool:
    """Tell whether a line holds only a comment or nothing.

    Args:
        line: A fixture line.

    Returns:
        True for blank and comment-only lines.
    """
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def line_expectations(text: str) -> set[tuple[int, str]]:
    """Read the ``# expect`` markers of a fixture.

    Args:
        text: The fixture's text.

    Returns:
        (line, code) pairs the fixture expects.
    """
    lines = text.split("\n")
    expected: set[tuple[int, str]] = set()
    for index, line in enumerate(lines):
        for match in EXPECT.finditer(line):
            if match["line"]:
                target = int(match["line"])
            elif _is_comment(line):
                following = next(
                    (
                        number
                        for number in range(index + 1, len(lines))
                        if not _is_comment(lines[number])
                    ),
                    index,
                )
                target = following + 1
            else:
                target = index + 1
            expected.update(
                (target, code)
                for code in match["codes"].replace(" ", "").split(",")
                if code
            )
    return expected


def run_fixture(fixture: Path, codes: list[str]) -> list[Finding]:
    """Run project rules (and SP000 for bad input) on one fixture.

    Args:
        fixture: The fixture file.
        codes: The codes to run.

    Returns:
        The findings.
    """
    text = fixture.read_text(encoding="utf-8", errors="replace")
    package = PACKAGE.search(text)
    context = ProjectContext(
        package=package["package"] if package else "app",
        texts=MappingProxyType({target_path(fixture): text}),
    )
    findings: list[Finding] = []
    for code in codes:
        if code == "SP000":
            findings.extend(container_parse_errors(context))
            continue
        rule = BY_CODE[code]
        assert issubclass(rule, ProjectRule)
        findings.extend(rule().check(context))
    return findings


def assert_container_fixture(code: str) -> None:
    """Check that a rule reports exactly what its container fixtures mark.

    Args:
        code: The rule code.
    """
    files = container_fixture_files(code)
    assert files, f"no container fixture for {code}"
    for fixture in files:
        text = fixture.read_text(encoding="utf-8", errors="replace")
        select = SELECT.search(text)
        codes = select["codes"].split(",") if select else [code]
        findings = run_fixture(fixture, codes)
        if code != "SP000" and target_path(fixture) in {".gitignore", ".dockerignore"}:
            found_entries = {
                match["entry"]
                for finding in findings
                if finding.code == code
                and (match := ENTRY_MESSAGE.search(finding.message))
            }
            expected_entries = {
                match["entry"]
                for line in text.split("\n")
                if (match := MISSING.match(line.strip()))
            }
            assert found_entries == expected_entries, (
                f"{fixture.name}: missing {sorted(expected_entries - found_entries)}, "
                f"unexpected {sorted(found_entries - expected_entries)}"
            )
            assert all(f.line is None for f in findings if f.code == code)
            expected_codes = set(codes) - {code}
        else:
            expected_codes = set(codes)
        found = {(f.line or 0, f.code) for f in findings if f.code in expected_codes}
        expected = {
            pair for pair in line_expectations(text) if pair[1] in expected_codes
        }
        assert found == expected, (
            f"{fixture.name}: missing {sorted(expected - found)}, "
            f"unexpected {sorted(found - expected)}"
        )
