"""What the file pass runs: a small, picklable plan, free of the engine's imports.

The plan names the selected file rules by code, not by class: the main process
builds it (and hands it to worker processes) without importing the rules, and
the file pass looks the classes up where it runs (``file_pass``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strictpy.domain.analysis.file_info import RuleOptions
    from strictpy.domain.selection import Selection

__all__ = ["FilePlan"]


@dataclass(frozen=True, slots=True)
class FilePlan:
    """What the file pass runs; small and picklable for worker processes.

    Attributes:
        codes: The codes of the selected file rules, in code order.
        selection: The effective selection (per-file ignores, suppressions).
        options: Configuration values rules read.
        collect_facts: Whether project rules need this file's facts.
    """

    codes: tuple[str, ...]
    selection: Selection
    options: RuleOptions
    collect_facts: bool
