"""Pure helpers that import no layer."""
