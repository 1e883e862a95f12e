"""Tests for removing statements without losing their comments."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.statement_edits import comment_lines, remove_statements


def _body(source: str) -> list[cst.BaseStatement]:
    """Parse module statements.

    Args:
        source: Python source.

    Returns:
        The module's statements.
    """
    return list(cst.parse_module(source).body)


def test_comment_lines_keep_everything_before_the_statement() -> None:
    """Leading lines, blank ones included, and the trailing comment survive."""
    statement = _body("x = 1\n\n# above\npass  # after\n")[1]
    kept = comment_lines(statement)
    assert [line.comment.value if line.comment else "" for line in kept] == [
        "",
        "# above",
        "# after",
    ]


def test_blank_lines_are_not_doubled() -> None:
    """A removed statement's blank line replaces none of the next one's."""
    body, _ = remove_statements(_body("import a\n\nimport b\nimport c\n"), {1})
    assert cst.Module(body=body).code == "import a\n\nimport c\n"
    body, _ = remove_statements(_body("x = 1\n\npass\n\n\ndef f(): ...\n"), {1})
    assert cst.Module(body=body).code == "x = 1\n\n\ndef f(): ...\n"


def test_comments_move_to_the_next_statement() -> None:
    """A removed statement's comments lead the statement that follows."""
    body, footer = remove_statements(_body("x = 0\n# note\npass\ny = 2\n"), {1})
    assert footer == []
    module = cst.Module(body=body)
    assert module.code == "x = 0\n# note\ny = 2\n"


def test_comments_of_the_last_statement_go_to_the_footer() -> None:
    """Nothing follows: comment lines are returned for the footer, blanks are not."""
    body, footer = remove_statements(_body("y = 2\n\npass  # end\n"), {1})
    assert cst.Module(body=body).code == "y = 2\n"
    assert [line.comment.value if line.comment else "" for line in footer] == [
        "",
        "# end",
    ]
    _, nothing = remove_statements(_body("y = 2\n\npass\n"), {1})
    assert nothing == []
