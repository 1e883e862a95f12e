"""Tests for the interface templates: probes, HTTP app and run steps."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.services.scaffold_templates import interface_templates as templates

VALUES = template_values("shop")


def test_probes_render_for_each_dependency() -> None:
    """The probe module parses with no dependency and with both."""
    plain = render(
        templates.PROBES,
        {
            **VALUES,
            "probe_stdlib": "",
            "probe_imports": "",
            "probe_lines": templates.PROBE_LINES["none"],
        },
    )
    cst.parse_module(plain)
    both = render(
        templates.PROBES,
        {
            **VALUES,
            "probe_stdlib": "from functools import partial\n",
            "probe_imports": "".join(
                render(templates.PROBE_IMPORTS[name], VALUES)
                for name in ("cache", "db")
            ),
            "probe_lines": templates.PROBE_LINES["cache"] + templates.PROBE_LINES["db"],
        },
    )
    cst.parse_module(both)
    assert 'probes["db"] = partial(check_database, build_engine(settings))' in both


def test_http_app_has_the_health_route() -> None:
    """``GET /health`` answers 200 or 503 (ruleset 8)."""
    text = render(templates.HTTP_APP, VALUES)
    cst.parse_module(text)
    assert '@app.get("/health")' in text
    assert "HTTP_503_SERVICE_UNAVAILABLE" in text


def test_run_steps_are_indented_bodies() -> None:
    """The run steps are function-body lines."""
    for step in (
        templates.RUN_ARGPARSE,
        templates.RUN_ARGPARSE_HTTP,
        templates.RUN_TYPER,
        templates.RUN_TYPER_HTTP,
    ):
        assert all(line.startswith("    ") for line in step.splitlines())
