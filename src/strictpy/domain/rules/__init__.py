"""Rule families: one package per family, one module per rule."""
