"""Tests for the project-file templates (pinned images, requirements, compose)."""

from __future__ import annotations

import yaml

from strictpy.domain.ruleset_data import DEV_DEPENDENCIES
from strictpy.services.scaffold_templates import project_templates as templates


def test_images_are_pinned() -> None:
    """Compose images carry a version tag, never ``latest`` (SP931)."""
    for image in (templates.DATABASE_IMAGE, templates.CACHE_IMAGE):
        name, _, tag = image.partition(":")
        assert name
        assert tag
        assert tag != "latest"


def test_requirements_cover_the_ruleset() -> None:
    """Every dev dependency of section 2 has a lower bound."""
    names = {requirement.split(">=")[0] for requirement in templates.DEV_REQUIREMENTS}
    assert set(DEV_DEPENDENCIES) <= names
    assert all(">=" in entry for entry in templates.DEV_REQUIREMENTS)


def test_compose_services_are_valid_yaml() -> None:
    """The service blocks parse as YAML mappings with a health check."""
    for block in (templates.COMPOSE_DB, templates.COMPOSE_CACHE):
        service = yaml.safe_load(block)
        (body,) = service.values()
        assert "healthcheck" in body
