"""Tests for the file pass: one parse, one walk, suppressions, SP000."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.registry import CODES, FILE_RULES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import FilePlan, check_file
from tests.conftest import run_source

if TYPE_CHECKING:
    from pytest_mock import MockerFixture


def test_suppression_and_excerpt() -> None:
    """A suppressed finding disappears; excerpts hold lines around findings."""
    source = (
        '"""Doc."""\n\n\ndef f():  # strictpy: ignore[SP202]\n    """F."""\n    pass\n'
    )
    selection = Selection.build(
        CODES, select=["SP1", "SP2"], extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan(
        tuple(FILE_RULES), selection, RuleOptions("app"), collect_facts=False
    )
    result = check_file("src/app/x.py", source.encode(), plan)
    assert [(f.code, f.line) for f in result.findings] == [("SP102", 6)]
    assert dict(result.excerpt)[6] == "    pass"
    assert result.facts is None


def test_per_file_ignores_apply() -> None:
    """Per-file ignores remove codes for matching paths."""
    selection = Selection.build(
        CODES,
        select=["SP102"],
        extend_select=(),
        ignore=(),
        per_file_ignores={"tests/**": ["SP1"]},
    )
    plan = FilePlan(
        tuple(FILE_RULES), selection, RuleOptions("app"), collect_facts=False
    )
    result = check_file("tests/test_x.py", b"def f():\n    pass\n", plan)
    assert result.findings == ()


def test_crlf_tabs_and_form_feed() -> None:
    """Unusual whitespace parses and positions stay right."""
    source = '"""Doc."""\r\n\x0c\r\ndef f() -> None:\r\n\t"""F."""\r\n\tpass\r\n'
    findings = run_source(source, select=["SP102"])
    assert [(f.code, f.line) for f in findings] == [("SP102", 5)]


def test_empty_file_is_clean() -> None:
    """An empty file has nothing to report."""
    assert run_source("") == []


def test_comment_rules_fall_back_to_tree_when_tokenize_fails(
    mocker: MockerFixture,
) -> None:
    """Comments are still read, with positions, when tokenize cannot read the text.

    Args:
        mocker: pytest-mock's patching helper.
    """
    mocker.patch("strictpy.services.file_pass.read_comments", return_value=None)
    source = '"""Doc."""\n\nx = 1  # TO' + "DO: later\n"
    findings = run_source(source, select=["SP101"])
    assert [(f.code, f.line, f.span.column if f.span else 0) for f in findings] == [
        ("SP101", 3, 8)
    ]
