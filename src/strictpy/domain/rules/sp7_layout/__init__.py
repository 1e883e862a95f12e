"""SP7: layout and architecture (ruleset 1, 2, 3.3, 8, 10).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
