"""Services: the use cases (audit, rule docs) that orchestrate domain and adapters."""
