"""Tests for SP000 parse-error: every unreadable input is one finding, never a crash."""

from __future__ import annotations

import pytest

from tests.conftest import run_source


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("def broken(:\n    return 1\n", 1, "syntax error"),
        ("x = (\n", None, "syntax error"),
        ("if True:\nreturn\n", 2, "syntax error"),
    ],
)
def test_syntax_errors(source: str, line: int | None, reason: str) -> None:
    """A syntax error is one SP000 with the parser's message.

    Args:
        source: The broken source.
        line: The line the finding must name, or None.
        reason: Text the message must contain.
    """
    findings = run_source(source)
    assert [f.code for f in findings] == ["SP000"]
    assert reason in findings[0].message
    if line is not None:
        assert findings[0].line == line


def test_deep_nesting_is_reported_not_fatal() -> None:
    """Nesting beyond the parser's limits is SP000, not a crash."""
    depth = 10_000
    findings = run_source("x = " + "(" * depth + ")" * depth + "\n")
    assert [f.code for f in findings] == ["SP000"]
    assert "nest deeper" in findings[0].message


def test_brackets_in_strings_do_not_count() -> None:
    """Many brackets inside a string are not nesting."""
    text = '"""Doc."""\n\nVALUE = "' + "(" * 500 + '"\n'
    assert run_source(text, select=["SP000"]) == []
