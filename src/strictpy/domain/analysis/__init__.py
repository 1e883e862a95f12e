"""Shared per-file analyses that ride the single walk."""
