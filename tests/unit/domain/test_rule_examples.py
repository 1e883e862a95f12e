"""Every registered rule on its own examples: bad ones trigger, good ones do not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from strictpy.domain.examples import Invalid, ProjectInvalid, ProjectValid, Valid
from strictpy.domain.registry import BY_CODE, FILE_RULES, PROJECT_RULES
from strictpy.services.project_pass import context_from_files
from tests.conftest import run_source

if TYPE_CHECKING:
    from strictpy.domain.findings import Finding

VALID_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-valid-{index}")
    for rule in FILE_RULES
    for index, example in enumerate(rule.valid())
    if isinstance(example, Valid)
)
INVALID_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-invalid-{index}")
    for rule in FILE_RULES
    for index, example in enumerate(rule.invalid())
    if isinstance(example, Invalid)
)


@pytest.mark.parametrize(("code", "example"), VALID_CASES)
def test_valid_example_is_silent(code: str, example: Valid) -> None:
    """A rule's good example yields no finding of that rule (nor SP000).

    Args:
        code: The rule's code.
        example: One of its good examples.
    """
    findings = run_source(
        example.code, select=[code, "SP000", *example.also_select], path=example.path
    )
    findings = [f for f in findings if f.code in {code, "SP000"}]
    assert [f.code for f in findings] == []


@pytest.mark.parametrize(("code", "example"), INVALID_CASES)
def test_invalid_example_reports(code: str, example: Invalid) -> None:
    """A rule's bad example yields the rule's code, on the documented line.

    Args:
        code: The rule's code.
        example: One of its bad examples.
    """
    findings = run_source(
        example.code, select=[code, *example.also_select], path=example.path
    )
    lines = [f.line for f in findings if f.code == code]
    assert lines, f"{code} did not report on its bad example"
    if example.line is not None:
        assert example.line in lines


# Project examples: project-level files become texts, Python files go through
# the file pass for their facts (context_from_files), as in the audit.
PROJECT_VALID_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-valid-{index}")
    for rule in PROJECT_RULES
    for index, example in enumerate(rule.valid())
    if isinstance(example, ProjectValid)
)
PROJECT_INVALID_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-invalid-{index}")
    for rule in PROJECT_RULES
    for index, example in enumerate(rule.invalid())
    if isinstance(example, ProjectInvalid)
)


def _project_findings(
    code: str, example: ProjectValid | ProjectInvalid
) -> list[Finding]:
    """Run a project rule on the small project an example describes.

    The context is built like the audit builds it (``context_from_files``):
    project-level files become texts, every path exists and is tracked by git,
    and Python files go through the single file pass for their facts.

    Args:
        code: The project rule's code.
        example: The example project.

    Returns:
        The rule's findings.
    """
    context = context_from_files(example.files, tracked=frozenset(example.files))
    return list(BY_CODE[code]().check(context))


@pytest.mark.parametrize(("code", "example"), PROJECT_VALID_CASES)
def test_project_valid_example_is_silent(code: str, example: ProjectValid) -> None:
    """A project rule's good example yields no finding of that rule.

    Args:
        code: The project rule's code.
        example: The good example.
    """
    assert [f.message for f in _project_findings(code, example)] == []


@pytest.mark.parametrize(("code", "example"), PROJECT_INVALID_CASES)
def test_project_invalid_example_reports(code: str, example: ProjectInvalid) -> None:
    """A project rule's bad example reports on the documented path and line.

    Args:
        code: The project rule's code.
        example: The bad example.
    """
    findings = _project_findings(code, example)
    assert findings, f"{code} did not report on its bad example"
    if example.path is not None:
        assert (example.path, example.line) in {(f.path, f.line) for f in findings}
