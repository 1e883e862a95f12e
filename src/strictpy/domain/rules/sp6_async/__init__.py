"""SP6: async and state (ruleset 6).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
