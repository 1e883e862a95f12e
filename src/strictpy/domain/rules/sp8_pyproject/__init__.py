"""SP8: pyproject, dependencies and tooling (ruleset 2, 3.3, 5).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
