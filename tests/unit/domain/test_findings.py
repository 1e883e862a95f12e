"""Tests for finding values and their order."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from strictpy.domain.codes import Severity
from strictpy.domain.findings import Finding, Span, sort_key


def test_sort_key_orders_by_path_line_column_code() -> None:
    """Whole-file findings come first within a path."""
    later = Finding("SP102", "pass-statement", "m", "a.py", Span(3, 1, 3, 5))
    whole = Finding("SP705", "missing-project-file", "m", "a.py")
    first = Finding("SP101", "todo-comment", "m", "a.py", Span(3, 1, 3, 5))
    other = Finding("SP101", "todo-comment", "m", "b.py", Span(1, 1, 1, 2))
    assert sorted([other, later, whole, first], key=sort_key) == [
        whole,
        first,
        later,
        other,
    ]
    assert (first.line, whole.line) == (3, None)


def test_fingerprint_does_not_affect_equality() -> None:
    """Two findings differing only in fingerprint are equal."""
    one = Finding("SP101", "n", "m", "a.py", fingerprint="x")
    two = Finding("SP101", "n", "m", "a.py", fingerprint="y")
    assert one == two


@pytest.mark.parametrize(
    "finding",
    [
        Finding(
            "SP201",
            "missing-param-annotation",
            "Parameter 'x' has no annotation",
            "src/app/x.py",
            Span(3, 9, 3, 10),
            Severity.WARNING,
            fixable=True,
            source="strictpy",
            fingerprint="def f(x):",
        ),
        Finding(
            "F401", "unused-import", "'os' imported but unused", "a.py", source="ruff"
        ),
    ],
    ids=["every-field-set", "defaults"],
)
def test_pickling_keeps_every_field(finding: Finding) -> None:
    """A finding sent to another process arrives with every field, fingerprint too.

    Args:
        finding: The finding to send.
    """
    arrived = pickle.loads(pickle.dumps(finding))  # noqa: S301 - our own bytes
    assert type(arrived) is Finding
    assert type(arrived.span) is type(finding.span)
    for field in dataclasses.fields(Finding):
        assert getattr(arrived, field.name) == getattr(finding, field.name), field.name
    if finding.span is not None:
        for field in dataclasses.fields(Span):
            assert getattr(arrived.span, field.name) == getattr(
                finding.span, field.name
            )
