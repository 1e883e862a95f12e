"""Adapters: every side effect (file system, git, subprocesses) lives here."""
