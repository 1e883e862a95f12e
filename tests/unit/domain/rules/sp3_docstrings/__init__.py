"""Tests of the SP3 docstring rules."""
