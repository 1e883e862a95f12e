"""Tests for the adapter and migration templates."""

from __future__ import annotations

import configparser

import libcst as cst

from strictpy.domain.fixes.layout_files import render, template_values
from strictpy.services.scaffold_templates import storage_templates as templates

VALUES = template_values("shop")


def test_adapters_parse_and_pool_the_engine() -> None:
    """The engine has the pool settings SP714 requires."""
    database = render(templates.DATABASE_ADAPTER, VALUES)
    cst.parse_module(database)
    for setting in ("pool_size=", "max_overflow=", "pool_pre_ping=True"):
        assert setting in database
    cst.parse_module(render(templates.CACHE_ADAPTER, VALUES))
    cst.parse_module(render(templates.ALEMBIC_ENV, VALUES))


def test_alembic_ini_points_at_migrations() -> None:
    """``alembic.ini`` reads the scripts from ``migrations/`` and holds no URL."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(render(templates.ALEMBIC_INI, VALUES))
    assert parser["alembic"]["script_location"] == "%(here)s/migrations"
    assert "sqlalchemy.url" not in parser["alembic"]


def test_migration_template_keeps_mako_syntax() -> None:
    """Rendering leaves Mako's ``${...}`` for Alembic."""
    text = render(templates.ALEMBIC_SCRIPT, VALUES)
    assert "${repr(up_revision)}" in text
    assert '"""Apply this revision."""' in text
