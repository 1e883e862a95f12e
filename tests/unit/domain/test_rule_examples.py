"""Every registered file rule on its own examples: bad ones trigger, good ones do not."""

from __future__ import annotations

import pytest

from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.registry import FILE_RULES
from tests.conftest import run_source

VALID_CASES = [
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-valid-{index}")
    for rule in FILE_RULES
    for index, example in enumerate(rule.valid())
    if isinstance(example, Valid)
]
INVALID_CASES = [
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-invalid-{index}")
    for rule in FILE_RULES
    for index, example in enumerate(rule.invalid())
    if isinstance(example, Invalid)
]


@pytest.mark.parametrize(("code", "example"), VALID_CASES)
def test_valid_example_is_silent(code: str, example: Valid) -> None:
    """A rule's good example yields no finding of that rule (nor SP000)."""
    findings = run_source(
        example.code, select=[code, "SP000", *example.also_select], path=example.path
    )
    findings = [f for f in findings if f.code in {code, "SP000"}]
    assert [f.code for f in findings] == []


@pytest.mark.parametrize(("code", "example"), INVALID_CASES)
def test_invalid_example_reports(code: str, example: Invalid) -> None:
    """A rule's bad example yields the rule's code, on the documented line."""
    findings = run_source(
        example.code, select=[code, *example.also_select], path=example.path
    )
    lines = [f.line for f in findings if f.code == code]
    assert lines, f"{code} did not report on its bad example"
    if example.line is not None:
        assert example.line in lines
