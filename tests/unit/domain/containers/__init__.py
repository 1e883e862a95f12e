"""Tests of the container input parsers."""
