"""Tests for the Google-style docstring parser."""

from __future__ import annotations

import pytest

from strictpy.domain.analysis.google_docstrings import (
    ARGS,
    RAISES,
    RETURNS,
    YIELDS,
    normalize_param,
    parse_docstring,
)

ARGS_LINE = 2
OVERFLOW_LINE = 8
RULESET_EXAMPLE = """Calculate statistical metrics for a given dataset.

    Args:
        data_points: A list of floating-point values to analyze.
        factor: A scaling factor to apply to the metrics.

    Raises:
        ValueError: If the data_points list is empty.
        OverflowError: If the calculation results in a number
            too large to represent.

    Returns:
        A dictionary containing 'mean', 'median', and 'std_dev'.
    """


def _messages(text: str) -> list[str]:
    """Return the format problems of a docstring.

    Args:
        text: The docstring's value.

    Returns:
        The problems' messages in line order.
    """
    return [problem.message for problem in parse_docstring(text).problems]


def test_ruleset_example_parses_cleanly() -> None:
    """The ruleset's own example has every section and no problem."""
    parsed = parse_docstring(RULESET_EXAMPLE)
    assert parsed.summary == "Calculate statistical metrics for a given dataset."
    assert parsed.summary_problem is None
    assert parsed.problems == ()
    assert [section.kind for section in parsed.sections] == [ARGS, RAISES, RETURNS]
    args = parsed.section(ARGS)
    assert args is not None
    assert args.names == ("data_points", "factor")
    assert args.line == ARGS_LINE
    raises = parsed.section(RAISES)
    assert raises is not None
    assert raises.entries[1].name == "OverflowError"
    assert raises.entries[1].description == (
        "If the calculation results in a number too large to represent."
    )
    assert raises.entries[1].line == OVERFLOW_LINE
    returns = parsed.section(RETURNS)
    assert returns is not None
    assert returns.text.startswith("A dictionary")


def test_entries_with_types_stars_and_blank_lines() -> None:
    """Types in parentheses, stars, escapes and blank lines are all read."""
    parsed = parse_docstring(
        "Summary.\n\n    Args:\n        value (dict[str, (int)]): The value.\n\n"
        "        *args: Extra.\n        \\*\\*kwargs (optional): Options: many.\n"
    )
    args = parsed.section(ARGS)
    assert args is not None
    assert args.names == ("value", "*args", "\\*\\*kwargs")
    assert args.entries[0].type == "dict[str, (int)]"
    assert args.entries[2].description == "Options: many."
    assert parsed.problems == ()
    assert [normalize_param(name) for name in args.names] == [
        "value",
        "args",
        "kwargs",
    ]


def test_entry_description_on_next_line() -> None:
    """An entry may start its description on the line below its name."""
    parsed = parse_docstring(
        "Summary.\n\n    Args:\n        value:\n            The value.\n"
    )
    assert parsed.problems == ()
    args = parsed.section(ARGS)
    assert args is not None
    assert args.entries[0].description == "The value."


def test_returns_with_or_without_type_and_yields() -> None:
    """``Returns:`` takes free text; ``Yields:`` is its own section."""
    with_type = parse_docstring("Summary.\n\nReturns:\n    int: The value.\n")
    plain = parse_docstring("Summary.\n\nYields:\n    Values.\n")
    assert with_type.has(RETURNS)
    assert not with_type.has(YIELDS)
    assert plain.has(YIELDS)
    assert with_type.problems == plain.problems == ()


def test_raises_entries_are_dotted_names() -> None:
    """``pkg.ErrorName: text`` entries keep their dotted names."""
    parsed = parse_docstring(
        "Summary.\n\nRaises:\n    errors.NotFound: If missing.\n    KeyError: Also.\n"
    )
    raises = parsed.section(RAISES)
    assert raises is not None
    assert raises.names == ("errors.NotFound", "KeyError")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Summary.", None),
        ("Summary.\n\nMore.\n", None),
        ("", "is empty"),
        ("   \n   ", "is empty"),
        ("Summary", "does not end with a period"),
        ("Summary?", "does not end with a period"),
        ("Two\n    lines.\n", "spans 2 lines instead of one"),
        ("\n    Summary.\n", "does not start on the docstring's first line"),
        ("Summary.\n    More.\n", "is not followed by a blank line"),
        ("Summary.\nArgs:\n    x: X.\n", "is not followed by a blank line"),
    ],
)
def test_summary_problems(text: str, problem: str | None) -> None:
    """The summary must be one line ending in a period, then a blank line.

    Args:
        text: The docstring.
        problem: The expected summary problem.
    """
    assert parse_docstring(text).summary_problem == problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "S.\n\nArguments:\n    x: X.\n",
            ["Use 'Args:' instead of 'Arguments:'"],
        ),
        (
            "S.\n\nParameters:\n    x: X.\n",
            ["Use 'Args:' instead of 'Parameters:'"],
        ),
        ("S.\n\nReturn:\n    X.\n", ["Use 'Returns:' instead of 'Return:'"]),
        ("S.\n\nUsage:\n    Call it.\n", ["Unknown section header 'Usage:'"]),
        ("S.\n\nReturns:\n", ["Section 'Returns:' is empty"]),
        (
            "S.\n\nReturns: the value.\n",
            ["Section header 'Returns:' must stand alone on its line"],
        ),
        (
            "S.\n\nArgs:\n    x the value\n",
            ["Entry 'x the value' of 'Args:' is not 'name: description'"],
        ),
        ("S.\n\nArgs:\n    x:\n", ["Entry 'x' of 'Args:' has no description"]),
        (
            "S.\n\nArgs:\n    x: X.\n  y: Y.\n",
            ["Line 'y: Y.' of 'Args:' is indented less than the entries above it"],
        ),
        (
            "S.\n\nArgs:\n    x: X.\n\nArgs:\n    y: Y.\n",
            ["Section 'Args:' appears twice"],
        ),
        (
            "S.\n\nReturns:\n    X.\n\nArgs:\n    x: X.\n",
            [
                "Section 'Args:' comes after 'Returns:'"
                " (order: Args, Raises, Returns/Yields)"
            ],
        ),
        (
            "S.\n\nYields:\n    X.\n\nRaises:\n    E: X.\n",
            [
                "Section 'Raises:' comes after 'Yields:'"
                " (order: Args, Raises, Returns/Yields)"
            ],
        ),
        (
            "S.\n\nArgs:\n    x: X.\n    Returns:\n        X.\n",
            ["Section header 'Returns:' is indented inside a section"],
        ),
        ("S.\n\nText.\n\n  Args:\n    x: X.\n", ["Section header 'Args:' is indented"]),
    ],
)
def test_format_problems(text: str, expected: list[str]) -> None:
    """Each departure from the ruleset's format is one problem.

    Args:
        text: The docstring.
        expected: The expected problem messages.
    """
    assert _messages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "S.\n\nFor example: this line.\nThe keys are:\n\n    a, b.\n",
        "S.\n\nExample usage::\n\n    run()\n",
        "S.\n\nNote: prose with a colon.\n",
        "S.\n\nExample:\n    run()\n\nArgs:\n    x: X.\n\nSee Also:\n    other.\n",
        "S.\n\nAttributes:\n    size (int): The size.\n\nNotes:\n    Free text.\n",
        "S.\n\nKeyword Args:\n    retries: How often.\n\nWarning:\n    Careful.\n",
        "S.\n\nArgs:\n    x: X.\n\nMore prose after the sections.\n",
        "S.\n\nUsage:\nnot indented, so not a section.\n",
    ],
)
def test_tolerated_layouts(text: str) -> None:
    """Prose with colons and Google's other sections are no problem.

    Args:
        text: The docstring.
    """
    assert _messages(text) == []


def test_other_sections_may_stand_anywhere() -> None:
    """Only Args, Raises and Returns/Yields are ordered."""
    parsed = parse_docstring(
        "S.\n\nExample:\n    run()\n\nReturns:\n    X.\n\nNote:\n    N.\n"
    )
    assert [section.kind for section in parsed.sections] == [
        "Example",
        RETURNS,
        "Note",
    ]
    assert parsed.problems == ()


def test_non_canonical_args_still_count_as_args() -> None:
    """``Parameters:`` is reported but its entries still document parameters."""
    parsed = parse_docstring("S.\n\nParameters:\n    x: X.\n")
    args = parsed.section(ARGS)
    assert args is not None
    assert args.header == "Parameters"
    assert args.names == ("x",)


def test_inline_header_still_counts() -> None:
    """``Returns: text`` is reported but still documents the return value."""
    parsed = parse_docstring("S.\n\nReturns: the value.\n")
    assert parsed.has(RETURNS)


def test_tabs_and_dedent() -> None:
    """Tabs expand and the common indentation is removed, as cleandoc does."""
    parsed = parse_docstring("S.\n\n\tArgs:\n\t\tx: X.\n")
    assert parsed.problems == ()
    args = parsed.section(ARGS)
    assert args is not None
    assert args.names == ("x",)


def test_problem_lines_are_offsets() -> None:
    """Problems carry their line offset from the docstring's first line."""
    parsed = parse_docstring("S.\n\nArgs:\n    x: X.\n    bad\n")
    assert [problem.line for problem in parsed.problems] == [4]
