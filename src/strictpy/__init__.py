"""strictpy: a linter that audits Python repositories against a strict-mode ruleset."""

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("strictpy")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
