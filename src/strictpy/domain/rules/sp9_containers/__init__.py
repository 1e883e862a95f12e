"""SP9: Dockerfile, compose and ignore files (ruleset 4.6, 9).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
