"""SP2: typing (ruleset 3.1).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
