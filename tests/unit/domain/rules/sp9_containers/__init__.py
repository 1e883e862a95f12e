"""Tests of the SP9 rules (Dockerfile, compose, ignore files)."""
