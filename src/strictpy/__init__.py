"""strictpy: a linter that audits Python repositories against a strict-mode ruleset.

The version is written here rather than read from the installed metadata:
``importlib.metadata`` costs a tenth of a warm run (it parses e-mail headers),
and every run needs the version for its cache keys. A test keeps it equal to
``[project].version`` in ``pyproject.toml`` and to the installed metadata.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
