"""Tests for the Python fixer: one locating walk, one rewrite, a verified result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.fixes import python_fixer
from strictpy.domain.fixes.python_fixer import fix_python
from tests.conftest import DEFAULT_PATH, run_source
from tests.unit.domain.fixes.fix_helpers import fix_source, wanted_lines

if TYPE_CHECKING:
    import pytest

INFO = describe_file(DEFAULT_PATH, "app")
PASSING_CLASS = '"""M."""\n\n\nclass Empty:\n    """Doc."""\n\n    pass\n'


def test_every_code_in_one_pass() -> None:
    """Placeholders, annotations and typing names are fixed together."""
    source = (
        '"""M."""\n\nfrom typing import List, Optional\n\n\n'
        "def total(values: List[int], start: Optional[int] = None):\n"
        '    """Sum."""\n    pass\n    print(values, start)\n'
    )
    assert fix_source(source) == (
        '"""M."""\n\n\ndef total(values: list[int], start: int | None = None) -> None:\n'
        '    """Sum."""\n    print(values, start)\n'
    )


def test_nothing_reported_changes_nothing() -> None:
    """Without findings of fixable codes the text is not even parsed."""
    assert fix_python("def broken(:\n", {"SP101": frozenset({1})}, INFO) is None
    assert fix_python(PASSING_CLASS, {}, INFO) is None


def test_unparsable_text_is_left_alone() -> None:
    """A file libcst cannot parse gets no fix."""
    assert fix_python("class A(:\n    pass\n", {"SP102": frozenset({2})}, INFO) is None


def test_suppressed_finding_is_not_fixed() -> None:
    """Only reported lines are fixed: a suppressed ``pass`` stays."""
    source = PASSING_CLASS.replace("pass", "pass  # strictpy: ignore[SP102]")
    assert wanted_lines(source) == {}
    assert fix_source(source) is None


def test_lines_select_the_nodes() -> None:
    """A fix applies on the reported line only, not to every such node."""
    source = (
        '"""M."""\n\n\nclass A:\n    """A."""\n\n    pass\n\n\n'
        'class B:\n    """B."""\n\n    pass\n'
    )
    fixed = fix_python(source, {"SP102": frozenset({13})}, INFO)
    assert fixed == source.replace('"""B."""\n\n    pass\n', '"""B."""\n')


def test_result_must_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    """A result that does not compile is rejected.

    Args:
        monkeypatch: Pytest's patcher.
    """
    monkeypatch.setattr(python_fixer, "_compiles", lambda *_: False)
    assert fix_python(PASSING_CLASS, {"SP102": frozenset({7})}, INFO) is None


def test_compile_check_is_stricter_than_parsing() -> None:
    """libcst parses ``return`` at module level; the interpreter refuses it."""
    assert python_fixer._compiles("x = 1\n", "m.py")
    assert not python_fixer._compiles("return 1\n", "m.py")
    assert not python_fixer._compiles("def f(:\n", "m.py")


def test_code_is_never_run() -> None:
    """Fixing a module that would exit or raise on import runs none of it."""
    source = (
        '"""M."""\n\nraise SystemExit(3)\n\n\nclass Empty:\n    """D."""\n\n    pass\n'
    )
    fixed = fix_source(source)
    assert fixed is not None
    assert "raise SystemExit(3)" in fixed
    assert "pass" not in fixed


def test_line_endings_are_kept() -> None:
    """A CRLF file stays CRLF, new lines included."""
    source = (
        '"""Tests."""\r\n\r\n\r\ndef test_api() -> None:\r\n'
        '    """Api."""\r\n    assert True\r\n'
    )
    path = "tests/integration/test_api.py"
    fixed = fix_source(source, path)
    assert fixed is not None
    assert "pytestmark = pytest.mark.integration\r\n" in fixed
    assert fixed.count("\n") == fixed.count("\r\n")


def test_fixed_source_is_clean() -> None:
    """After the fix the engine reports none of the fixed codes."""
    source = (
        '"""M."""\n\nimport typing\n\n\nclass Box:\n    """Box."""\n\n    pass\n\n'
        "    def __init__(self, items: typing.List[int]):\n"
        '        """Make."""\n        self.items = items\n'
    )
    fixed = fix_source(source)
    assert fixed is not None
    assert wanted_lines(fixed) == {}
    assert [f.code for f in run_source(fixed, select=["SP000"])] == []
