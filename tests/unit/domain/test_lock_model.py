"""Tests for reading uv.lock's root package requirements."""

from __future__ import annotations

import pytest

from strictpy.domain.lock_model import LockedRequirement, parse_lock, parse_requirement

LOCK = """version = 1

[[package]]
name = "dep"
version = "1"

[[package]]
name = "virtual-root"
version = "0"
source = { virtual = "." }

[package.metadata]
requires-dist = [
    { name = "A_B", extras = ["X"], specifier = ">=1, <2" },
    { name = "opt", marker = "python_full_version >= '3.13' and extra == 'Fast'" },
    "not-a-table",
]

[package.metadata.requires-dev]
Dev = [{ name = "pytest" }]
"""


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("A_B[x] >=1,<2", LockedRequirement("a-b", ("x",), "<2,>=1")),
        ("pkg (>=1.0)", LockedRequirement("pkg", (), ">=1.0")),
        ("pkg @ https://example.org/pkg.whl", LockedRequirement("pkg")),
        ("pkg; sys_platform == 'linux'", LockedRequirement("pkg")),
        ("", None),
        ("-r requirements.txt", None),
    ],
)
def test_parse_requirement(spec: str, expected: LockedRequirement | None) -> None:
    """Names, extras and specifiers normalise; markers and URLs are dropped.

    Args:
        spec: The requirement string.
        expected: Its comparable form.
    """
    assert parse_requirement(spec) == expected


def test_root_by_source_and_requirements() -> None:
    """The virtual root is found; entries normalise; extras come from markers."""
    lock = parse_lock(LOCK, None)
    assert lock.found_root
    assert lock.requires_dist == frozenset(
        {
            LockedRequirement("a-b", ("x",), "<2,>=1"),
            LockedRequirement("opt", (), "", "fast"),
        }
    )
    assert lock.requires_dev["dev"] == frozenset({LockedRequirement("pytest")})


def test_root_by_name_wins() -> None:
    """The project's name selects its entry even without a local source."""
    lock = parse_lock(LOCK, "Dep")
    assert lock.found_root
    assert lock.requires_dist == frozenset()


def test_errors() -> None:
    """Invalid TOML and missing packages are errors; no root is not."""
    lines = (parse_lock("a = [\n", None), parse_lock("a = 1\nb = \n", None))
    assert [lock.error_line for lock in lines] == [1, 2]
    assert parse_lock("version = 1\n", None).error == "no [[package]] entries"
    missing = parse_lock('[[package]]\nname = "x"\n', "y")
    assert (missing.error, missing.found_root) == (None, False)


def test_display() -> None:
    """Requirements render back for messages."""
    assert (
        LockedRequirement("a", ("x", "y"), ">=1", "e").display()
        == "a[x,y]>=1; extra == 'e'"
    )
