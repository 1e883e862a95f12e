"""Tests for input problems and binary detection."""

from __future__ import annotations

from strictpy.domain.containers.input_problem import InputProblem, binary_problem


def test_text_is_fine() -> None:
    """Ordinary text, even with unusual line separators, is not binary."""
    assert binary_problem(".gitignore", "a\nb\x0cc\n") is None


def test_nul_and_replacement_characters() -> None:
    """NUL bytes and undecodable bytes are found on their line."""
    assert binary_problem("x", "a\nb\x00\n") == InputProblem(
        "x", 2, "not a UTF-8 text file (NUL or undecodable bytes)"
    )
    problem = binary_problem("x", "\ufffd")
    assert problem is not None
    assert problem.line == 1
