"""Interface: the command line and its renderers; no business logic."""
