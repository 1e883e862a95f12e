"""Tests for the file pass: one parse, one walk, suppressions, SP000."""

from __future__ import annotations

import contextlib
import gc
import threading
from typing import TYPE_CHECKING

import libcst as cst
import pytest

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.rule_catalog import CODES, FILE_CODES
from strictpy.domain.selection import Selection
from strictpy.services import file_pass
from strictpy.services.file_pass import check_file
from strictpy.services.file_plan import FilePlan
from tests.conftest import run_source

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytest_mock import MockerFixture

PLAN = FilePlan(
    FILE_CODES,
    Selection.build(
        CODES, select=["SP"], extend_select=(), ignore=(), per_file_ignores={}
    ),
    RuleOptions("app"),
    collect_facts=False,
)


def test_suppression_and_excerpt() -> None:
    """A suppressed finding disappears; excerpts hold lines around findings."""
    source = (
        '"""Doc."""\n\n\ndef f():  # strictpy: ignore[SP202]\n    """F."""\n    pass\n'
    )
    selection = Selection.build(
        CODES, select=["SP1", "SP2"], extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan(FILE_CODES, selection, RuleOptions("app"), collect_facts=False)
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
    plan = FilePlan(FILE_CODES, selection, RuleOptions("app"), collect_facts=False)
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


def test_long_chains_the_interpreter_rejects_are_sp000() -> None:
    """Chains that would overflow libcst's stack never reach it when Python rejects them."""
    for source in (
        "x = " + "-" * 10_000 + "1\n",
        "x = " + "lambda: " * 10_000 + "1\n",
        "x = " + "a if b else " * 10_000 + "c\n",
        "x = a" + ".b" * 10_000 + "\n",
    ):
        findings = run_source(source, select=["SP0"])
        assert [(f.code, f.message) for f in findings] == [
            (
                "SP000",
                "File could not be checked: the file is nested too deeply to parse",
            )
        ]


def test_long_lines_that_parse_are_checked_normally() -> None:
    """A long but valid line goes through the interpreter's parser, then the rules."""
    source = "VALUES = [" + "1, " * 2_000 + "]\n\n\ndef f():\n    pass\n"
    findings = run_source(source, select=["SP0", "SP102"])
    assert [(f.code, f.line) for f in findings] == [("SP102", 5)]
    broken = "x = [" + "1, " * 2_000 + "\n"
    (finding,) = run_source(broken, select=["SP0"])
    assert finding.code == "SP000"
    assert "syntax error" in finding.message


def test_check_runs_on_a_large_stack(mocker: MockerFixture) -> None:
    """The check thread gets the large stack; the process default is restored.

    Args:
        mocker: pytest-mock's fixture.
    """
    file_pass._checker.cache_clear()
    stack_size = mocker.spy(file_pass.threading, "stack_size")
    before = threading.stack_size()
    run_source("x = 1\n", select=["SP0"])
    assert file_pass._checker() is file_pass._checker()
    assert (file_pass.CHECK_STACK_BYTES,) in [c.args for c in stack_size.call_args_list]
    assert threading.stack_size() == before


def test_errors_inside_the_check_thread_reach_the_caller(mocker: MockerFixture) -> None:
    """An unexpected exception is re-raised in the calling thread.

    Args:
        mocker: pytest-mock's fixture.
    """
    mocker.patch.object(file_pass, "_check_file", side_effect=OSError("boom"))
    selection = Selection.build(
        CODES, select=None, extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan((), selection, RuleOptions("app"), collect_facts=False)
    with pytest.raises(OSError, match="boom"):
        check_file("a.py", b"x = 1\n", plan)


@pytest.mark.parametrize(
    ("source", "read"),
    [
        ('"""Doc."""\n\nx = 1  # an ordinary comment\n', False),
        ('"""Doc."""\n\nx = 1  # TO' + "DO: later\n", True),
        ('"""Doc."""\n\nx = "TO' + 'DO"  # a string only\n', False),
        ('"""Doc."""\n\nx = "# TO' + 'DO"  # a hash before it\n', True),
        ('"""Doc."""\n\nx = "日本語"  # only the string is not ASCII\n', False),
        ('"""Doc."""\n\nx = 1  # 日本語のコメント\n', True),
        ('"""Doc."""\n\nx = 1  # strictpy: ignore[SP999]\n', True),
        ('"""Doc."""\n\nx = 1  # the rest of the code\n', True),
    ],
)
def test_comments_are_read_only_when_a_rule_may_report_one(
    mocker: MockerFixture, source: str, *, read: bool
) -> None:
    """``tokenize`` runs only when a comment rule's hint matches the text.

    Args:
        mocker: Spies on the comment reader.
        source: The file's text.
        read: Whether comments must be read.
    """
    reader = mocker.spy(file_pass, "read_comments")
    run_source(source, select=["SP101", "SP104", "SP309"])
    assert reader.called is read


def _live_modules() -> int:
    """Count the libcst modules the cycle collector tracks right now.

    Returns:
        How many ``libcst.Module`` objects are alive.
    """
    return sum(isinstance(item, cst.Module) for item in gc.get_objects())


@pytest.mark.parametrize(
    "source",
    ['"""Doc."""\n\n\ndef f(a):\n    return a\n', "def broken(:\n"],
    ids=["checked", "syntax-error"],
)
def test_collector_is_paused_for_the_tree_and_resumes_after_it_is_freed(
    mocker: MockerFixture, source: str
) -> None:
    """The tree is built and walked with the collector paused, and freed before it resumes.

    A tree still alive when the collector resumes would be traversed, node by
    node, by its next pass: the cost the pause exists to avoid.

    Args:
        mocker: Replaces the pause with one that records what it saw.
        source: A file that parses, or one that does not.
    """
    paused = file_pass.collector_paused
    seen: dict[str, object] = {}

    @contextlib.contextmanager
    def watched() -> Iterator[None]:
        """Record the collector's state and the live trees around the block.

        Yields:
            Nothing.
        """
        before = _live_modules()
        with paused():
            seen["enabled_inside"] = gc.isenabled()
            yield
            seen["modules_left"] = _live_modules() - before

    mocker.patch.object(file_pass, "collector_paused", watched)
    gc.enable()
    result = check_file("src/app/x.py", source.encode(), PLAN)
    assert seen == {"enabled_inside": False, "modules_left": 0}
    assert gc.isenabled()
    assert result.findings
