"""Tests for rule documentation."""

from __future__ import annotations

import pytest

from strictpy.domain.registry import CODES
from strictpy.exceptions import NotFoundError
from strictpy.services.rule_docs import all_rule_docs, rule_doc


def test_every_rule_has_docs() -> None:
    """Each registered rule renders a doc with examples."""
    docs = all_rule_docs()
    assert [doc.code for doc in docs] == list(CODES)
    assert all(doc.bad_example and doc.good_example for doc in docs)


def test_rule_doc_lookup_is_case_insensitive() -> None:
    """Codes are matched without regard to case."""
    assert rule_doc("sp101").name == "todo-comment"
    with pytest.raises(NotFoundError, match="SP99"):
        rule_doc("SP99")
