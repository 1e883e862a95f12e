"""SP0: findings the engine itself makes (parse errors, suppression comments).

One module per rule; ``domain.registry`` and ``domain.project_registry`` list
them, so that importing one rule does not import the others.
"""
