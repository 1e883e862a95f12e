"""The registry agrees with the catalog (``rules.md``) and with the source tree."""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import MappingProxyType

import pytest

from strictpy.domain import rules as rules_package
from strictpy.domain.registry import BY_CODE, CODES, RULES
from strictpy.domain.rule import Rule
from tests.conftest import FIXTURES, fixture_files

CATALOG_ROW = re.compile(
    r"^\| (?P<code>SP\d{3}) \| (?P<name>[a-z0-9-]+) \| (?P<scope>file|project) \|"
)
CATALOG = MappingProxyType(
    {
        match["code"]: match
        for line in (FIXTURES / "spec" / "rules.md")
        .read_text(encoding="utf-8")
        .splitlines()
        if (match := CATALOG_ROW.match(line))
    }
)
ENGINE_NAMES = MappingProxyType(
    {
        "SP000": "parse-error",
        "SP001": "bad-suppression",
        "SP002": "unused-suppression",
    }
)


def _pascal(slug: str) -> str:
    """Return the class spelling of a slug.

    Args:
        slug: A rule slug.

    Returns:
        PascalCase of the slug.
    """
    return "".join(part.capitalize() for part in slug.split("-"))


def test_codes_are_unique_and_ordered() -> None:
    """Codes appear once each, in code order."""
    assert len(CODES) == len(set(CODES))
    assert list(CODES) == sorted(CODES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE)
def test_rule_matches_catalog(rule: type[Rule]) -> None:
    """Code, name and scope are copied from the catalog; the spellings agree.

    Args:
        rule: A registered rule.
    """
    if rule.CODE in ENGINE_NAMES:
        assert ENGINE_NAMES[rule.CODE] == rule.NAME
    else:
        row = CATALOG[rule.CODE]
        assert (row["name"], row["scope"]) == (rule.NAME, str(rule.SCOPE))
    assert rule.__name__ in {_pascal(rule.NAME), _pascal(rule.NAME) + "Rule"}
    assert rule.__module__.rsplit(".", 1)[-1] == rule.NAME.replace("-", "_")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE)
def test_rule_has_fixture_with_expectations(rule: type[Rule]) -> None:
    """File rules have a fixture with at least one expect and one ok line.

    Args:
        rule: A registered rule.
    """
    if rule.SCOPE != "file" or rule.CODE == "SP000":
        return
    texts = [path.read_text(encoding="utf-8") for path in fixture_files(rule.CODE)]
    assert texts, f"{rule.CODE} has no fixture file"
    assert any("# expect" in text for text in texts)
    assert any("# ok" in text for text in texts)


def test_every_rule_module_is_registered() -> None:
    """Each module defining a rule class under domain/rules is in the registry."""
    registered = set(BY_CODE.values())
    for module_info in pkgutil.walk_packages(
        rules_package.__path__, prefix=f"{rules_package.__name__}."
    ):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.__module__ == module.__name__
                and value.CODE
            ):
                assert value in registered, f"{value.__name__} is not registered"


def test_summaries_are_single_sentences() -> None:
    """Every summary is one line ending in a period."""
    for rule in RULES:
        assert rule.summary().endswith("."), rule.CODE
        assert rule.explanation(), rule.CODE


def _cells(row: str) -> list[str]:
    """Split a catalog table row into cells, ignoring ``|`` inside backticks.

    Args:
        row: One ``| ... |`` line of ``rules.md``.

    Returns:
        The cells, stripped, without the empty ones at both ends.
    """
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    previous = ""
    for char in row.strip():
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code and previous != "\\":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        previous = char
    cells.append("".join(current).strip())
    return cells[1:-1]


FIX_COLUMN = MappingProxyType(
    {
        match["code"]: _cells(line)[-1].startswith("yes")
        for line in (FIXTURES / "spec" / "rules.md")
        .read_text(encoding="utf-8")
        .splitlines()
        if (match := CATALOG_ROW.match(line))
    }
)


def test_cells_ignore_pipes_in_code() -> None:
    """A ``|`` inside backticks or escaped does not split a cell."""
    row = r"| SP204 | legacy-union | file | `A | B` or A \| B | yes (`X | None`) |"
    assert _cells(row) == [
        "SP204",
        "legacy-union",
        "file",
        r"`A | B` or A \| B",
        "yes (`X | None`)",
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE)
def test_fixable_matches_catalog_fix_column(rule: type[Rule]) -> None:
    """A rule is fixable exactly when the catalog's fix column says yes.

    Args:
        rule: A registered rule.
    """
    if rule.CODE in ENGINE_NAMES:
        assert not rule.fixable()
        return
    assert rule.fixable() == FIX_COLUMN[rule.CODE]
