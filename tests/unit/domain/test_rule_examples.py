"""Every registered rule on its own examples: bad ones trigger, good ones do not."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.ruff_runner import find_ruff
from strictpy.adapters.safe_writer import SafeWriter
from strictpy.domain.examples import Invalid, ProjectInvalid, ProjectValid, Valid
from strictpy.domain.findings import Finding, Span
from strictpy.domain.registry import BY_CODE, FILE_RULES, PROJECT_RULES, RULES
from strictpy.services.fix_plan import FORMAT_CODE, plan_fixes
from strictpy.services.project_pass import context_from_files
from tests.conftest import run_source

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

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


# Fixes: every example that shows a fix round-trips through the fixing service.
FIX_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-fix-{index}")
    for rule in RULES
    for index, example in enumerate(rule.invalid())
    if isinstance(example, Invalid) and example.expected_fix is not None
)
PROJECT_FIX_CASES = tuple(
    pytest.param(rule.CODE, example, id=f"{rule.CODE}-fix-{index}")
    for rule in PROJECT_RULES
    for index, example in enumerate(rule.invalid())
    if isinstance(example, ProjectInvalid) and example.expected_files is not None
)
FILE_RULE_CODES = frozenset(rule.CODE for rule in FILE_RULES)


def _write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write an example's files below a folder.

    Args:
        root: The folder.
        files: Relative path to text.
    """
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _file_findings(code: str, example: Invalid) -> list[Finding]:
    """Return a file example's findings of one code, as the audit reports them.

    Args:
        code: The rule's code.
        example: The bad example.

    Returns:
        The findings (SP813's come from Ruff: one at the example's line).
    """
    if code in FILE_RULE_CODES:
        return run_source(
            example.code, select=[code, *example.also_select], path=example.path
        )
    rule = BY_CODE[code]
    line = example.line or 1
    return [
        Finding(code, rule.NAME, rule.MESSAGE, example.path, Span(line, 1, line, 1))
    ]


@pytest.mark.parametrize(("code", "example"), FIX_CASES)
def test_expected_fix_round_trips(code: str, example: Invalid, tmp_path: Path) -> None:
    """``--fix`` turns a rule's bad example into exactly its ``expected_fix``.

    Args:
        code: The rule's code.
        example: The bad example with its expected fix.
        tmp_path: The project folder the example is written to.
    """
    if code == FORMAT_CODE and find_ruff() is None:
        pytest.skip("the ruff executable is not available")
    _write_files(tmp_path, {example.path: example.code})
    plan = plan_fixes(
        SafeWriter.for_root(tmp_path),
        _file_findings(code, example),
        "app",
        lambda path: code == FORMAT_CODE and path == example.path,
    )
    changed = {change.path: change.after.decode("utf-8") for change in plan.changes}
    assert changed.get(example.path) == example.expected_fix
    if code in FILE_RULE_CODES:
        fixed = example.expected_fix or ""
        remaining = run_source(fixed, select=[code], path=example.path)
        assert [f.code for f in remaining if f.code == code] == []


@pytest.mark.parametrize(("code", "example"), PROJECT_FIX_CASES)
def test_expected_files_round_trip(
    code: str, example: ProjectInvalid, tmp_path: Path
) -> None:
    """``--fix`` gives a project rule's bad example its ``expected_files``.

    Args:
        code: The project rule's code.
        example: The bad example with its expected files.
        tmp_path: The project folder the example is written to.
    """
    _write_files(tmp_path, example.files)
    findings = _project_findings(code, example)
    plan = plan_fixes(SafeWriter.for_root(tmp_path), findings, None, lambda _: False)
    result = dict(example.files)
    result.update(
        (change.path, change.after.decode("utf-8")) for change in plan.changes
    )
    for path, text in (example.expected_files or {}).items():
        assert result.get(path) == text, path
    fixed = ProjectInvalid(MappingProxyType(result))
    assert [f.message for f in _project_findings(code, fixed)] == []
