"""SP5: security (ruleset 4).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
