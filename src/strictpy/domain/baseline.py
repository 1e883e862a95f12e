"""Baselines: accept today's findings, report only new ones.

A finding is keyed by its code, path and a fingerprint of its source line (the
stripped text, or the message for findings without a line), never by its line
number: inserting lines above a finding does not resurrect it, and a new
finding on other code is never hidden. Equal keys are counted, so a second copy
of an accepted finding in the same file is new.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from strictpy.domain.findings import Finding

__all__ = ["BaselineKey", "apply_baseline", "baseline_counts", "baseline_key"]

type BaselineKey = tuple[str, str, str]


def baseline_key(finding: Finding) -> BaselineKey:
    """Return the line-independent key of a finding.

    Args:
        finding: The finding.

    Returns:
        (code, path, fingerprint).
    """
    fingerprint = " ".join(finding.fingerprint.split()) or finding.message
    return (finding.code, finding.path, fingerprint)


def baseline_counts(findings: Iterable[Finding]) -> Counter[BaselineKey]:
    """Count findings by key, for writing a baseline.

    Args:
        findings: Today's findings.

    Returns:
        How many findings share each key.
    """
    return Counter(baseline_key(finding) for finding in findings)


def apply_baseline(
    findings: Iterable[Finding], accepted: Mapping[BaselineKey, int]
) -> list[Finding]:
    """Drop findings the baseline accepts, each key at most as often as recorded.

    Args:
        findings: The run's findings, in report order.
        accepted: Accepted counts by key.

    Returns:
        The new findings.
    """
    remaining = Counter(accepted)
    new: list[Finding] = []
    for finding in findings:
        key = baseline_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new
