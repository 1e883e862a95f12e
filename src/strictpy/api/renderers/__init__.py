"""Output formats: one renderer module per format, imported only when used.

Importing every renderer up front would pull the rule registry (and libcst) into
runs that only print a cached report, so ``renderer_for`` imports lazily.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from strictpy.services.audit import AuditReport

__all__ = ["RENDERERS", "OutputFormat", "renderer_for"]

type Renderer = Callable[[AuditReport, Console], None]


class OutputFormat(StrEnum):
    """The report formats ``strictpy check`` can write."""

    RICH = "rich"
    CONCISE = "concise"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"


RENDERERS: MappingProxyType[OutputFormat, tuple[str, str]] = MappingProxyType(
    {
        OutputFormat.RICH: ("rich_renderer", "render_rich"),
        OutputFormat.CONCISE: ("concise_renderer", "render_concise"),
        OutputFormat.JSON: ("json_renderer", "render_json"),
        OutputFormat.SARIF: ("sarif_renderer", "render_sarif"),
        OutputFormat.GITHUB: ("github_renderer", "render_github"),
    }
)


def renderer_for(output: OutputFormat) -> Renderer:
    """Return the function that renders a report in a format.

    Args:
        output: The format.

    Returns:
        The renderer.
    """
    module_name, function_name = RENDERERS[output]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return cast("Renderer", getattr(module, function_name))
