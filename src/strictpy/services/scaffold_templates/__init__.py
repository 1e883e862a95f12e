"""Text templates of the files ``strictpy new`` writes, one module per family.

Templates are plain strings with ``{{name}}`` placeholders (``pkg``, ``dist``,
``prefix``...) that :func:`strictpy.services.scaffold.render` fills in. Once
rendered they are compliant code: the scaffold tests run the real
``strictpy check`` (Ruff included) on every variant.
"""
