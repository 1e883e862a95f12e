"""Fixes for ``strictpy check --fix``: pure functions from text to new text.

Python fixes are libcst transformations of a file (one read-only locating walk
riding the engine's walker, then one rewriting pass); ``pyproject.toml`` fixes
use tomlkit; ignore-file fixes append lines. Each returns the new text, or None
when it changes nothing. Nothing here reads or writes files: the fixing service
does that, through the safe writer.
"""
