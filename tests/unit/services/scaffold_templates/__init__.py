"""Tests of the templates of strictpy new."""
