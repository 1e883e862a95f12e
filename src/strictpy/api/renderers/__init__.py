"""Output formats: one renderer per format, chosen through ``RENDERERS``."""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.api.renderers.concise_renderer import render_concise
from strictpy.api.renderers.json_renderer import render_json
from strictpy.api.renderers.rich_renderer import render_rich

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from strictpy.services.audit import AuditReport

__all__ = ["RENDERERS", "OutputFormat"]


class OutputFormat(StrEnum):
    """The report formats ``strictpy check`` can write."""

    RICH = "rich"
    CONCISE = "concise"
    JSON = "json"


RENDERERS: MappingProxyType[OutputFormat, Callable[[AuditReport, Console], None]] = (
    MappingProxyType(
        {
            OutputFormat.RICH: render_rich,
            OutputFormat.CONCISE: render_concise,
            OutputFormat.JSON: render_json,
        }
    )
)
