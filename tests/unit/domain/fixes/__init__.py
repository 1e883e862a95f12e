"""Tests of the fixes of strictpy check --fix."""
