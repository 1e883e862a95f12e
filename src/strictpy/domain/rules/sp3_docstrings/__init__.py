"""SP3: docstrings (ruleset 3.2 and 3.4).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
