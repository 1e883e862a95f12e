"""Tests for baseline files."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest

from strictpy.adapters.baseline_file import read_baseline, write_baseline
from strictpy.exceptions import ConfigurationError

if TYPE_CHECKING:
    from pathlib import Path


def test_round_trip(tmp_path: Path) -> None:
    """Written counts read back equal.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    counts = Counter(
        {("SP102", "a.py", "pass"): 2, ("SP705", "Dockerfile", "Missing"): 1}
    )
    path = tmp_path / "baseline.json"
    write_baseline(path, counts)
    assert read_baseline(path) == dict(counts)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1, "findings": [{"code": 1}]}', "malformed"),
        ('{"version": 9, "findings": []}', "unsupported version 9"),
        ("not json", "malformed"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    """Malformed baselines are configuration errors naming the file.

    Args:
        tmp_path: A temporary folder for the test's files.
        text: The baseline file's content.
        message: What the error must say.
    """
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message):
        read_baseline(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing baseline is a configuration error.

    Args:
        tmp_path: A temporary folder for the test's files.
    """
    with pytest.raises(ConfigurationError, match="cannot be read"):
        read_baseline(tmp_path / "nope.json")
